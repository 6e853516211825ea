package dev.arbiter.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One gated step of a workflow, keyed by {@code (workflowId, stepId)}; {@code stepIndex} is unique within
 * the workflow.
 *
 * @param tenantId owning tenant (the workflow's)
 * @param workflowId the workflow
 * @param stepId caller-chosen step id
 * @param stepIndex 1-based order of fresh gates within the workflow
 * @param stepName optional display name
 * @param stepType {@code llm_call}, {@code tool_call}, {@code connector_call} or {@code human_task}
 * @param request what the caller sent
 * @param gate the decision of the latest fresh evaluation
 * @param usage tokens and cost
 * @param approval approval state ({@link Approval#NONE} unless approval was required)
 * @param attempts gate-call counters
 * @param completion completion reports
 */
public record StepRecord(
        String tenantId,
        String workflowId,
        String stepId,
        int stepIndex,
        @Nullable String stepName,
        String stepType,
        StepRequest request,
        GateResult gate,
        Usage usage,
        Approval approval,
        Attempts attempts,
        Completion completion) {

    public StepRecord {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(stepType, "stepType");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(completion, "completion");
        if (stepIndex < 1) {
            throw new IllegalArgumentException("stepIndex must be >= 1, got " + stepIndex);
        }
    }

    /** This step with a new index (a re-evaluation takes the next index, as AxonFlow V1 did). */
    public StepRecord withStepIndex(int index) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                index,
                stepName,
                stepType,
                request,
                gate,
                usage,
                approval,
                attempts,
                completion);
    }

    /** This step with new request fields (a re-evaluation records what was sent this time). */
    public StepRecord withRequest(@Nullable String name, String type, StepRequest newRequest) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                stepIndex,
                name,
                type,
                newRequest,
                gate,
                usage,
                approval,
                attempts,
                completion);
    }

    /** This step with a new gate decision. */
    public StepRecord withGate(GateResult newGate) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                stepIndex,
                stepName,
                stepType,
                request,
                newGate,
                usage,
                approval,
                attempts,
                completion);
    }

    /** This step with new usage figures. */
    public StepRecord withUsage(Usage newUsage) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                stepIndex,
                stepName,
                stepType,
                request,
                gate,
                newUsage,
                approval,
                attempts,
                completion);
    }

    /** This step with a new approval state. */
    public StepRecord withApproval(Approval newApproval) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                stepIndex,
                stepName,
                stepType,
                request,
                gate,
                usage,
                newApproval,
                attempts,
                completion);
    }

    /** This step with new gate-call counters. */
    public StepRecord withAttempts(Attempts newAttempts) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                stepIndex,
                stepName,
                stepType,
                request,
                gate,
                usage,
                approval,
                newAttempts,
                completion);
    }

    /** This step with new completion reports. */
    public StepRecord withCompletion(Completion newCompletion) {
        return new StepRecord(
                tenantId,
                workflowId,
                stepId,
                stepIndex,
                stepName,
                stepType,
                request,
                gate,
                usage,
                approval,
                attempts,
                newCompletion);
    }
}
