package dev.arbiter.wire.policy;

import java.util.Objects;

/**
 * Whether a tested pattern is found in one input.
 *
 * @param input the input
 * @param matched whether the pattern is found in it
 */
public record PatternMatch(String input, boolean matched) {
    /** Checks the input. */
    public PatternMatch {
        Objects.requireNonNull(input, "input");
    }
}
