package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** A step's approval state (contract §1.9): set to {@code pending} by a {@code require_approval} decision. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    /** The contract's spelling, e.g. {@code pending}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<ApprovalStatus> fromWireName(String value) {
        for (ApprovalStatus candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
