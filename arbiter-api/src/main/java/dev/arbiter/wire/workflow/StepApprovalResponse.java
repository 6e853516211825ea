package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Response 200 of approve and reject: the contract's rich projection (§1.8).
 *
 * @param workflowId the workflow
 * @param planId the plan, for Multi-Agent Planning steps only
 * @param stepId the step
 * @param status the approval status, same as {@code approval_status}
 * @param decision {@code allow} after approve, {@code block} after reject
 * @param reason "Approved: <original reason>" or "Rejected: <reason>"
 * @param approvalStatus {@code approved} or {@code rejected}
 * @param approvalId the approval's id
 * @param approvedBy the approver, after approve
 * @param approvedAt when, after approve
 * @param rejectedBy the rejecter, after reject
 * @param rejectedAt when, after reject
 * @param policiesMatched the policies that required the approval
 * @param retryContext the step's retry facts (always present)
 * @param message "Step approved" or "Step rejected, workflow aborted"
 */
public record StepApprovalResponse(
        String workflowId,
        @Nullable String planId,
        String stepId,
        ApprovalStatus status,
        GateDecision decision,
        String reason,
        ApprovalStatus approvalStatus,
        String approvalId,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        @Nullable String rejectedBy,
        @Nullable Instant rejectedAt,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<PolicyMatch> policiesMatched,

        RetryContext retryContext,
        String message) {
    /** Copies the list. */
    public StepApprovalResponse {
        policiesMatched = policiesMatched == null ? null : List.copyOf(policiesMatched);
    }
}
