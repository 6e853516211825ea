package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workflow with its steps: {@code GET /api/v1/workflows/{id}} and each entry of the list (contract §1.5).
 *
 * @param workflowId the id
 * @param workflowName the name
 * @param source the orchestrator
 * @param status the lifecycle state
 * @param currentStepIndex highest step index gated so far, 0 before any gate
 * @param totalSteps set when the workflow reached a terminal state
 * @param startedAt when the workflow was created
 * @param completedAt when it reached a terminal state
 * @param traceId the external trace id; omitted when empty
 * @param steps gated steps ordered by index; omitted when empty
 */
public record WorkflowStatusResponse(
        String workflowId,
        String workflowName,
        WorkflowSource source,
        WorkflowStatus status,
        int currentStepIndex,
        @Nullable Integer totalSteps,
        Instant startedAt,
        @Nullable Instant completedAt,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        String traceId,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<StepInfo> steps) {
    /** Copies the steps. */
    public WorkflowStatusResponse {
        steps = steps == null ? null : List.copyOf(steps);
    }
}
