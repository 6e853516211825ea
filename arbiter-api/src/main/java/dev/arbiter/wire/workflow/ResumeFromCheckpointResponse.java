package dev.arbiter.wire.workflow;

/**
 * Response 200 of {@code POST /api/v1/workflows/{id}/checkpoints/resume} and
 * {@code .../checkpoints/{checkpoint_id}/resume} (contract §1.8, checkpoints): the checkpointed step was
 * evaluated again against the current policies.
 *
 * @param workflowId the workflow
 * @param resumedFromCheckpoint the step id of the checkpoint resumed from (AxonFlow names the step here,
 *     not the checkpoint's number)
 * @param resumedFromIndex that step's index
 * @param newDecision the decision of the new evaluation
 * @param decisionSource always {@code fresh}: a resume never answers from the stored decision
 * @param resumeCount how often the workflow has been resumed from this checkpoint, this time included
 * @param message e.g. "Workflow resumed from checkpoint at step deploy (index 2)"
 */
public record ResumeFromCheckpointResponse(
        String workflowId,
        String resumedFromCheckpoint,
        int resumedFromIndex,
        GateDecision newDecision,
        DecisionSource decisionSource,
        int resumeCount,
        String message) {}
