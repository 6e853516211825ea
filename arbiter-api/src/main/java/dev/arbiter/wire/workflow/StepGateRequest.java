package dev.arbiter.wire.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/workflows/{id}/steps/{step_id}/gate} (contract §1.6).
 *
 * @param stepName a human-readable name, e.g. {@code deploy}
 * @param stepType required
 * @param stepInput the step's input; top-level keys reach policies as {@code step_input.<key>}
 * @param model the model the step will call
 * @param provider the model's provider
 * @param tokensIn pre-execution estimate of input tokens
 * @param tokensOut pre-execution estimate of output tokens
 * @param costUsd pre-execution cost estimate
 * @param toolContext the tool the step calls, if any
 * @param retryPolicy how to answer a re-gate; {@code idempotent} when absent
 * @param idempotencyKey at most 255 characters; immutable once recorded on the step
 */
public record StepGateRequest(
        @Nullable String stepName,
        StepType stepType,
        @Nullable Map<String, @Nullable Object> stepInput,
        @Nullable String model,
        @Nullable String provider,
        @Nullable Integer tokensIn,
        @Nullable Integer tokensOut,
        @Nullable Double costUsd,
        @Nullable ToolContext toolContext,
        @Nullable RetryPolicy retryPolicy,
        @Nullable String idempotencyKey) {
    /** Checks the required step type and copies the input. */
    public StepGateRequest {
        if (stepType == null) {
            throw new IllegalArgumentException("step_type is required");
        }
        stepInput = stepInput == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(stepInput));
    }

    /** A request with just a name and a type. */
    public static StepGateRequest of(String stepName, StepType stepType) {
        return new StepGateRequest(stepName, stepType, null, null, null, null, null, null, null, null, null);
    }
}
