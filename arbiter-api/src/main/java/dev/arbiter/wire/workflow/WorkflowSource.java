package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Where a workflow comes from: the orchestrator that runs it (contract §1.3). */
public enum WorkflowSource {
    LANGGRAPH,
    LANGCHAIN,
    CREWAI,
    EXTERNAL;

    /** The contract's spelling, e.g. {@code langgraph}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<WorkflowSource> fromWireName(String value) {
        for (WorkflowSource candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
