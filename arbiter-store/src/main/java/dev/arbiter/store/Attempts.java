package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Gate calls on one step (the contract's {@code retry_context}).
 *
 * @param gateCount gate calls so far, including cached ones; 1 after the first
 * @param firstAttemptAt time of the first gate call, preserved across re-evaluations
 * @param lastAttemptAt time of the latest gate call
 * @param lastDecision the decision returned by the latest gate call
 */
public record Attempts(int gateCount, Instant firstAttemptAt, Instant lastAttemptAt, StepDecision lastDecision) {
    public Attempts {
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastDecision, "lastDecision");
        if (gateCount < 1) {
            throw new IllegalArgumentException("gateCount must be >= 1");
        }
    }

    /** The first gate call. */
    public static Attempts first(Instant at, StepDecision decision) {
        return new Attempts(1, at, at, decision);
    }

    /** One more gate call, answered with {@code decision}. */
    public Attempts next(Instant at, StepDecision decision) {
        return new Attempts(gateCount + 1, firstAttemptAt, at, decision);
    }
}
