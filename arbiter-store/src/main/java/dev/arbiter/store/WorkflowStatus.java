package dev.arbiter.store;

import java.util.Locale;

/** A workflow's lifecycle state; every state but {@link #IN_PROGRESS} is terminal. */
public enum WorkflowStatus {
    IN_PROGRESS,
    COMPLETED,
    ABORTED,
    FAILED;

    /** The contract's spelling, also the stored value: {@code in_progress}, {@code completed}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for completed, aborted and failed. */
    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }

    /** Parses the contract's spelling; unknown values are an {@link IllegalArgumentException}. */
    public static WorkflowStatus fromWire(String value) {
        for (WorkflowStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown workflow status: " + value);
    }
}
