package dev.arbiter.wire.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One gated step in {@link WorkflowStatusResponse#steps()} (contract §1.5).
 *
 * @param stepId the caller-chosen step id
 * @param stepIndex 1-based order of the step's fresh gate
 * @param stepName the step's name, if given
 * @param stepType the step's type
 * @param decision the stored gate decision
 * @param approvalStatus set once a decision required approval
 * @param approvedBy who approved or rejected the step
 * @param approvedAt when the step was approved or rejected
 * @param gateCheckedAt when the stored decision was made
 */
public record StepInfo(
        String stepId,
        int stepIndex,
        @Nullable String stepName,
        @Nullable StepType stepType,
        GateDecision decision,
        @Nullable ApprovalStatus approvalStatus,
        @Nullable String approvedBy,
        @Nullable Instant approvedAt,
        Instant gateCheckedAt) {}
