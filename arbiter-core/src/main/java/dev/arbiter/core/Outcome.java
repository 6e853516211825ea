package dev.arbiter.core;

import java.util.Locale;
import java.util.Optional;

/**
 * What a policy asks for when it matches, and the overall outcome of a decision.
 *
 * <p>Declared from weakest to strongest: when several policies match, the strongest wins
 * ({@code block > require_approval > redact > warn > log > allow}). AxonFlow's WCP adapter returns
 * {@code require_approval} when a block and an approval policy both match; Arbiter deliberately lets
 * block win (see {@code docs/policy-semantics.md}).
 */
public enum Outcome {
    ALLOW,
    LOG,
    WARN,
    REDACT,
    REQUIRE_APPROVAL,
    BLOCK;

    /** The contract's spelling: {@code allow}, {@code require_approval}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this outcome stops the step until something else happens (block or approval). */
    public boolean isRestrictive() {
        return this == BLOCK || this == REQUIRE_APPROVAL;
    }

    /** The stronger of the two outcomes. */
    public Outcome strongest(Outcome other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Parses the contract's spelling, case-insensitively; empty when the name is unknown. */
    public static Optional<Outcome> fromWireName(String name) {
        for (Outcome outcome : values()) {
            if (outcome.wireName().equalsIgnoreCase(name)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
