package dev.arbiter.client;

/**
 * A snapshot of the client's counters, for dashboards and alerts: a breaker that opens, or gates
 * answered by the failure mode, should be visible.
 *
 * @param requests HTTP attempts sent (retries included)
 * @param failures attempts that got no answer or a 5xx
 * @param retries attempts that were repeats of a failed one
 * @param shortCircuited calls skipped because the circuit breaker was open
 * @param circuitOpened how many times the breaker opened
 * @param failOpenAllowed gates answered with a synthetic allow by {@link FailureMode#FAIL_OPEN}
 * @param failClosed gates that failed closed because Arbiter could not decide
 * @param circuitState the breaker's state now
 */
public record ClientStats(
        long requests,
        long failures,
        long retries,
        long shortCircuited,
        long circuitOpened,
        long failOpenAllowed,
        long failClosed,
        CircuitState circuitState) {}
