package dev.arbiter.store;

import org.jspecify.annotations.Nullable;

/**
 * What the caller sent with a step gate, as stored.
 *
 * @param stepInputJson the {@code step_input} object as JSON text, or {@code null}
 * @param inputHash a digest of the canonical step input (an approval covers exactly this input), or {@code null}
 * @param model model name, or {@code null}
 * @param provider provider name, or {@code null}
 * @param toolName {@code tool_context.tool_name}, or {@code null} (feeds {@code workflow.tools_used})
 * @param toolType {@code tool_context.tool_type}, or {@code null}
 * @param toolContextJson the whole {@code tool_context} object as JSON text, or {@code null}
 * @param idempotencyKey the key recorded at the first gate, or {@code null}
 */
public record StepRequest(
        @Nullable String stepInputJson,
        @Nullable String inputHash,
        @Nullable String model,
        @Nullable String provider,
        @Nullable String toolName,
        @Nullable String toolType,
        @Nullable String toolContextJson,
        @Nullable String idempotencyKey) {

    /** A request with no optional fields. */
    public static final StepRequest EMPTY = new StepRequest(null, null, null, null, null, null, null, null);
}
