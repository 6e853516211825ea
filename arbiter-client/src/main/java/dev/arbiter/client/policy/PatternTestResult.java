package dev.arbiter.client.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Result of {@code POST /api/v1/static-policies/test}: which inputs a pattern matches (contract §2.5).
 *
 * @param matched whether any input matched
 * @param matches one entry per input; empty when absent
 * @param error why the pattern is invalid, if it is
 */
public record PatternTestResult(
        boolean matched, List<Match> matches, @Nullable String error) {
    /** Copies the matches. */
    public PatternTestResult {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    /**
     * One tested input.
     *
     * @param input the input
     * @param matched whether the pattern matched it
     */
    public record Match(String input, boolean matched) {}
}
