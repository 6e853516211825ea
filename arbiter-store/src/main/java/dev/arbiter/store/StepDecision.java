package dev.arbiter.store;

import java.util.Locale;

/** The decision recorded for a gated step. */
public enum StepDecision {
    ALLOW,
    BLOCK,
    REQUIRE_APPROVAL;

    /** The contract's spelling, also the stored value: {@code allow}, {@code block}, {@code require_approval}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling; unknown values are an {@link IllegalArgumentException}. */
    public static StepDecision fromWire(String value) {
        for (StepDecision d : values()) {
            if (d.wire().equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown step decision: " + value);
    }
}
