package dev.arbiter.wire.workflow;

import org.jspecify.annotations.Nullable;

/**
 * Response 200 of complete, abort, fail and resume (contract §1.8).
 *
 * @param workflowId the workflow
 * @param status its status after the call
 * @param message e.g. "Workflow completed successfully"
 * @param reason the abort or failure reason; absent for complete and resume
 */
public record WorkflowActionResponse(
        String workflowId,
        WorkflowStatus status,
        String message,
        @Nullable String reason) {}
