package dev.arbiter.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Completion reports of a step.
 *
 * @param outputJson the latest reported {@code output} object as JSON text, or {@code null}
 * @param completedAt time of the latest completion, or {@code null} if never completed
 * @param completionCount successful completion calls
 */
public record Completion(
        @Nullable String outputJson, @Nullable Instant completedAt, int completionCount) {
    /** Never completed. */
    public static final Completion NONE = new Completion(null, null, 0);

    public Completion {
        if (completionCount < 0) {
            throw new IllegalArgumentException("completionCount must be >= 0");
        }
    }

    /** One more completion at {@code at}; a {@code null} output keeps the previous one. */
    public Completion next(@Nullable String output, Instant at) {
        return new Completion(output != null ? output : outputJson, at, completionCount + 1);
    }
}
