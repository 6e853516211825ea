package dev.arbiter.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a policy's match changes the decision ({@link #ENFORCE}) or is only reported ({@link #SHADOW}).
 *
 * <p>Shadow mode lets operators try a policy on live traffic: it is evaluated exactly like an enforced one,
 * but its matches land in {@link Decision#shadowMatches()} and never move {@link Decision#outcome()}.
 */
public enum PolicyMode {
    ENFORCE,
    SHADOW;

    /** The lower-case spelling used in policy documents: {@code enforce} or {@code shadow}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code enforce} or {@code shadow}, case-insensitively; empty when unknown. */
    public static Optional<PolicyMode> fromWireName(String name) {
        for (PolicyMode mode : values()) {
            if (mode.wireName().equalsIgnoreCase(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
