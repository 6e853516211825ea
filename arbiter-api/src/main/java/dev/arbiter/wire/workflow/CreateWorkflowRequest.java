package dev.arbiter.wire.workflow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/workflows} (contract §1.3).
 *
 * @param workflowName required, not blank
 * @param source the orchestrator; {@code external} when absent
 * @param metadata free-form facts about the run; empty when absent
 * @param traceId correlation id of an external tracer, at most 255 code points
 * @param totalSteps accepted for old clients and ignored: the server finalises it
 */
public record CreateWorkflowRequest(
        String workflowName,
        @Nullable WorkflowSource source,
        @Nullable Map<String, @Nullable Object> metadata,
        @Nullable String traceId,
        @Nullable Integer totalSteps) {
    /** Checks the required name and copies the metadata. */
    public CreateWorkflowRequest {
        if (workflowName == null || workflowName.isBlank()) {
            throw new IllegalArgumentException("workflow_name is required");
        }
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A request with just a name and a source. */
    public static CreateWorkflowRequest of(String workflowName, WorkflowSource source) {
        return new CreateWorkflowRequest(workflowName, source, null, null, null);
    }
}
