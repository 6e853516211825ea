package dev.arbiter.wire.policy;

import java.util.Objects;

/**
 * How many replayed gates moved from one gate decision to another.
 *
 * @param from the baseline decision: {@code allow}, {@code block} or {@code require_approval}
 * @param to the candidate's decision
 * @param count how many gates
 */
public record DecisionTransition(String from, String to, int count) {
    /** Checks required fields. */
    public DecisionTransition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
