package dev.arbiter.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Which side of an exchange a static policy inspects: what goes to the model or tool ({@code request}), what comes
 * back ({@code response}), or {@code both} (AxonFlow migration 039; the default).
 */
public enum Phase {
    REQUEST,
    RESPONSE,
    BOTH;

    /** The contract's spelling: {@code request}, {@code response}, {@code both}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a policy of this phase applies to text checked in {@code checked}; {@code BOTH} applies to all. */
    public boolean covers(Phase checked) {
        return this == BOTH || checked == BOTH || this == checked;
    }

    /** Parses the contract's spelling, case-insensitively; empty when the name is unknown. */
    public static Optional<Phase> fromWireName(String name) {
        for (Phase phase : values()) {
            if (phase.wireName().equalsIgnoreCase(name)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
