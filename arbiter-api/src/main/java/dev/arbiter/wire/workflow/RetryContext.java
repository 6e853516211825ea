package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a gate caller needs to know about earlier attempts at the same step (contract §1.6).
 *
 * <p>{@code prior_output} and {@code prior_completion_at} are always present on the wire, as
 * {@code null} when unknown, and {@code idempotency_key} is {@code ""} when none was given.
 *
 * @param gateCount gate calls on this step including the current one
 * @param completionCount successful completions of this step
 * @param priorCompletionStatus what happened before this call
 * @param priorOutputAvailable true when the step was completed before
 * @param priorOutput the stored output; only with {@code ?include_prior_output=true}
 * @param priorCompletionAt when the step was last completed
 * @param firstAttemptAt the first gate call on this step
 * @param lastAttemptAt this gate call
 * @param lastDecision the decision of the previous gate call (the current one on a first call)
 * @param idempotencyKey the key recorded on the step, {@code ""} if none
 */
public record RetryContext(
        int gateCount,
        int completionCount,
        PriorCompletionStatus priorCompletionStatus,
        boolean priorOutputAvailable,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object priorOutput,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Instant priorCompletionAt,
        Instant firstAttemptAt,
        Instant lastAttemptAt,
        GateDecision lastDecision,
        String idempotencyKey) {
    /** Checks required fields. */
    public RetryContext {
        Objects.requireNonNull(priorCompletionStatus, "priorCompletionStatus");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastDecision, "lastDecision");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
