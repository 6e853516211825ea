package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What kind of work a gated step does (contract §1.6). */
public enum StepType {
    LLM_CALL,
    TOOL_CALL,
    CONNECTOR_CALL,
    HUMAN_TASK;

    /** The contract's spelling, e.g. {@code llm_call}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the contract's spelling exactly; empty when the value is unknown. */
    public static Optional<StepType> fromWireName(String value) {
        for (StepType candidate : values()) {
            if (candidate.wireName().equals(value)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
