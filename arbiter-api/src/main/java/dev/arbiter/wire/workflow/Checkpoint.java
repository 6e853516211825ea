package dev.arbiter.wire.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A point a workflow could be resumed from: every fresh gate decision (contract §1.8, checkpoints).
 *
 * @param id the checkpoint's number, increasing within a tenant
 * @param workflowId the workflow
 * @param stepId the gated step
 * @param stepIndex the step's index
 * @param stepType the step's type
 * @param checkpointType {@code step_gate}, or {@code approval_boundary} when the gate required approval
 * @param gateDecision the decision made
 * @param gateReason why
 * @param isResumable false after a {@code block}
 * @param resumeCount how often the workflow was resumed from here
 * @param createdAt when the decision was made
 */
public record Checkpoint(
        long id,
        String workflowId,
        String stepId,
        int stepIndex,
        @Nullable String stepType,
        String checkpointType,
        GateDecision gateDecision,
        @Nullable String gateReason,
        boolean isResumable,
        int resumeCount,
        Instant createdAt) {}
