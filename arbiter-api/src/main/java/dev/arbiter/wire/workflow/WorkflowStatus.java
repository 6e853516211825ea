package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** A workflow's lifecycle state (contract §1.9); every state but {@code in_progress} is terminal. */
public enum WorkflowStatus {
    IN_PROGRESS,
    COMPLETED,
    ABORTED,
    FAILED;

    /** The contract's spelling, e.g. {@code in_progress}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for {@code completed}, {@code aborted} and {@code failed}: nothing can follow them. */
    public boolean isTerminal() {
        return this != IN_PROGRESS;
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<WorkflowStatus> fromWireName(String value) {
        for (WorkflowStatus candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
