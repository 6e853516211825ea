package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The answer of a step gate (contract §1.6). */
public enum GateDecision {
    ALLOW,
    BLOCK,
    REQUIRE_APPROVAL;

    /** The contract's spelling, e.g. {@code allow}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<GateDecision> fromWireName(String value) {
        for (GateDecision candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
