package dev.arbiter.wire.webhook;

import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code data} of a webhook event: the workflow, and for {@code step.*} events the step. Fields that do
 * not apply to an event are absent.
 *
 * @param workflowId the workflow (always present)
 * @param workflowName its name
 * @param status the workflow's status after the change
 * @param stepId the step, for {@code step.*} events
 * @param stepName the step's name, if it has one
 * @param stepType the step's type
 * @param stepIndex the step's 1-based index
 * @param decision {@code require_approval}, then {@code allow} after approval or {@code block} after rejection
 * @param reason the gate's reason ({@code step.approval_required}), the rejection reason ({@code step.rejected})
 *     or the abort or failure reason ({@code workflow.aborted}, {@code workflow.failed})
 * @param approvalId the approval's id ({@code step.*} events)
 * @param approvalStatus {@code pending}, {@code approved} or {@code rejected}
 * @param approvedBy who approved ({@code step.approved})
 * @param rejectedBy who rejected ({@code step.rejected})
 * @param comment the approver's comment ({@code step.approved})
 * @param policyIds the policies that asked for approval ({@code step.approval_required})
 * @param totalSteps the number of gated steps ({@code workflow.*} events)
 * @param traceId the workflow's trace id, if it has one
 */
public record WebhookEventData(
        String workflowId,
        @Nullable String workflowName,
        @Nullable WorkflowStatus status,
        @Nullable String stepId,
        @Nullable String stepName,
        @Nullable StepType stepType,
        @Nullable Integer stepIndex,
        @Nullable GateDecision decision,
        @Nullable String reason,
        @Nullable String approvalId,
        @Nullable ApprovalStatus approvalStatus,
        @Nullable String approvedBy,
        @Nullable String rejectedBy,
        @Nullable String comment,
        @Nullable List<String> policyIds,
        @Nullable Integer totalSteps,
        @Nullable String traceId) {
    /** Checks the workflow id and copies the policy ids. */
    public WebhookEventData {
        Objects.requireNonNull(workflowId, "workflowId");
        policyIds = policyIds == null ? null : List.copyOf(policyIds);
    }
}
