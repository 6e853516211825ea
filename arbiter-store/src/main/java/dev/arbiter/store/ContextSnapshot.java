package dev.arbiter.store;

import java.util.Objects;

/**
 * The policy context a gate was evaluated against, kept with the step for replay and audit. Bounded: a
 * context larger than {@link #MAX_CHARS} is cut to that length and marked truncated, so one huge step input
 * cannot bloat every row. A truncated snapshot's {@code json} is a prefix and no longer valid JSON.
 *
 * @param json the context as a JSON object (or its prefix when truncated)
 * @param truncated whether {@code json} was cut
 */
public record ContextSnapshot(String json, boolean truncated) {
    /** The largest context kept whole: 64 KiB of characters. */
    public static final int MAX_CHARS = 64 * 1024;

    /** An empty context. */
    public static final ContextSnapshot EMPTY = new ContextSnapshot("{}", false);

    public ContextSnapshot {
        Objects.requireNonNull(json, "json");
        if (json.length() > MAX_CHARS) {
            throw new IllegalArgumentException("use ContextSnapshot.of for contexts above " + MAX_CHARS + " chars");
        }
    }

    /** The snapshot of {@code json}, truncated to {@link #MAX_CHARS} if longer. */
    public static ContextSnapshot of(String json) {
        Objects.requireNonNull(json, "json");
        if (json.length() <= MAX_CHARS) {
            return new ContextSnapshot(json, false);
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(json.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return new ContextSnapshot(json.substring(0, end), true);
    }
}
