package dev.arbiter.store;

import java.util.Locale;

/** Where a step that required approval stands. */
public enum ApprovalStatus {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED;

    /** The contract's spelling, also the stored value: {@code pending}, {@code approved}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling; unknown values are an {@link IllegalArgumentException}. */
    public static ApprovalStatus fromWire(String value) {
        for (ApprovalStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown approval status: " + value);
    }
}
