package dev.arbiter.client;

/**
 * What a step gate does when Arbiter cannot decide: the call failed to connect, timed out, was skipped
 * by the open circuit breaker, or Arbiter answered 5xx. Errors in the request itself (4xx) are never
 * covered: they are always thrown.
 *
 * <p>Waiting for an approval ignores this setting and always fails closed: an outage must never turn
 * into an approval.
 */
public enum FailureMode {
    /**
     * The default. The gate throws the {@link ArbiterUnavailableException} (or {@link ServerException}),
     * so the step does not run. A governance client that silently allows is the failure users complain
     * about most, so this is the safe default.
     */
    FAIL_CLOSED,

    /**
     * The gate returns a synthetic {@code allow} whose {@code decision_source} is
     * {@link dev.arbiter.wire.workflow.DecisionSource#FAIL_OPEN fail_open} and whose reason names the
     * failure, so the agent keeps working while Arbiter is down. Each such allow is logged at WARNING and
     * counted in {@link ClientStats#failOpenAllowed()}.
     */
    FAIL_OPEN
}
