package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How a re-gate of an already gated step is answered (contract §1.6): the stored decision, or a fresh one. */
public enum RetryPolicy {
    IDEMPOTENT,
    REEVALUATE;

    /** The contract's spelling, e.g. {@code idempotent}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<RetryPolicy> fromWireName(String value) {
        for (RetryPolicy candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
