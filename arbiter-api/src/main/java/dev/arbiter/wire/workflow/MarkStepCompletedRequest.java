package dev.arbiter.wire.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Optional body of {@code POST /api/v1/workflows/{id}/steps/{step_id}/complete} (contract §1.7).
 *
 * <p>Only the fields sent overwrite what is stored. {@code metadata} is accepted and ignored, as SDKs
 * send it.
 *
 * @param output the step's structured output
 * @param tokensIn actual input tokens
 * @param tokensOut actual output tokens
 * @param costUsd actual cost
 * @param idempotencyKey must equal the key recorded at gate, if any
 * @param metadata ignored
 */
public record MarkStepCompletedRequest(
        @Nullable Map<String, @Nullable Object> output,
        @Nullable Integer tokensIn,
        @Nullable Integer tokensOut,
        @Nullable Double costUsd,
        @Nullable String idempotencyKey,
        @Nullable Map<String, @Nullable Object> metadata) {
    /** Copies the maps. */
    public MarkStepCompletedRequest {
        output = output == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(output));
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** An empty body: mark the step complete without changing anything else. */
    public static MarkStepCompletedRequest empty() {
        return new MarkStepCompletedRequest(null, null, null, null, null, null);
    }
}
