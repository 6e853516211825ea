package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a gate answer was evaluated now or served from the stored decision (contract §1.6).
 *
 * <p>The server only ever sends {@code fresh} or {@code cached}. {@link #FAIL_OPEN} is never on the
 * wire from a server: the Java client sets it on the synthetic {@code allow} it returns when Arbiter
 * could not be reached and the client was configured to fail open, so callers can tell such an
 * answer from a real decision.
 */
public enum DecisionSource {
    FRESH,
    CACHED,
    FAIL_OPEN;

    /** The contract's spelling, e.g. {@code fresh}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<DecisionSource> fromWireName(String value) {
        for (DecisionSource candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
