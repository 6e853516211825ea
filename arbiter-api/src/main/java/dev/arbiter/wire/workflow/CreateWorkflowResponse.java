package dev.arbiter.wire.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Response 201 of {@code POST /api/v1/workflows} (contract §1.3).
 *
 * @param workflowId the new id, {@code wf_} followed by a long random part
 * @param workflowName the name given
 * @param source the orchestrator
 * @param status always {@code in_progress}
 * @param createdAt when the workflow was created
 * @param traceId the trace id given, if any
 */
public record CreateWorkflowResponse(
        String workflowId,
        String workflowName,
        WorkflowSource source,
        WorkflowStatus status,
        Instant createdAt,
        @Nullable String traceId) {}
