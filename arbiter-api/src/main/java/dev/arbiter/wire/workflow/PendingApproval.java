package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A step waiting for a person, in {@link PendingApprovalsResponse} (contract §1.8).
 *
 * @param workflowId the workflow
 * @param workflowName its name
 * @param planId the plan, for Multi-Agent Planning steps only
 * @param stepId the step
 * @param stepIndex the step's index
 * @param stepName the step's name
 * @param stepType the step's type
 * @param decision always {@code require_approval}
 * @param decisionReason why approval is required
 * @param policiesMatched the policies that required it
 * @param stepInput the exact input the approval covers
 * @param approvalStatus always {@code pending}
 * @param createdAt when the gate asked for approval
 */
public record PendingApproval(
        String workflowId,
        String workflowName,
        @Nullable String planId,
        String stepId,
        int stepIndex,
        @Nullable String stepName,
        @Nullable StepType stepType,
        GateDecision decision,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        String decisionReason,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<PolicyMatch> policiesMatched,

        @Nullable Map<String, @Nullable Object> stepInput,
        @Nullable ApprovalStatus approvalStatus,
        Instant createdAt) {
    /** Copies the collections. */
    public PendingApproval {
        policiesMatched = policiesMatched == null ? null : List.copyOf(policiesMatched);
        stepInput = stepInput == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(stepInput));
    }
}
