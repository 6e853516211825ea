package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/**
 * What a step consumed, reported when it completes: tokens in and out, and cost. Each part is optional.
 *
 * @param tokensIn input tokens, not negative
 * @param tokensOut output tokens, not negative
 * @param costUsd cost in US dollars, not negative
 */
public record Usage(
        @Nullable Integer tokensIn,
        @Nullable Integer tokensOut,
        @Nullable Double costUsd) {
    private static final Usage NONE = new Usage(null, null, null);

    /** Checks that no part is negative. */
    public Usage {
        if (tokensIn != null && tokensIn < 0) {
            throw new IllegalArgumentException("tokensIn must not be negative: " + tokensIn);
        }
        if (tokensOut != null && tokensOut < 0) {
            throw new IllegalArgumentException("tokensOut must not be negative: " + tokensOut);
        }
        if (costUsd != null && (costUsd < 0 || costUsd.isNaN() || costUsd.isInfinite())) {
            throw new IllegalArgumentException("costUsd must be a non-negative number: " + costUsd);
        }
    }

    /** Usage with all three parts. */
    public static Usage of(int tokensIn, int tokensOut, double costUsd) {
        return new Usage(tokensIn, tokensOut, costUsd);
    }

    /** No usage reported. */
    public static Usage none() {
        return NONE;
    }
}
