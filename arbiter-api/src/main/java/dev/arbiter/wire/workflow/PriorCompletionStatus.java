package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What happened to a step before this gate call (contract §1.6, {@code retry_context}). */
public enum PriorCompletionStatus {
    NONE,
    COMPLETED,
    GATED_NOT_COMPLETED;

    /** The contract's spelling, e.g. {@code none}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<PriorCompletionStatus> fromWireName(String value) {
        for (PriorCompletionStatus candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
