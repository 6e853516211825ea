package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.workflow.AuditEntries.Operation;
import dev.arbiter.server.workflow.WorkflowStateMachine.Event;
import dev.arbiter.store.CheckpointRecord;
import dev.arbiter.store.Database;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.workflow.Checkpoint;
import dev.arbiter.wire.workflow.CheckpointsResponse;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.ResumeFromCheckpointResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A workflow's checkpoints and resuming from them (contract §1.8, checkpoints; docs/checkpoints.md).
 *
 * <p>Each gated step is one checkpoint, as in AxonFlow, where checkpoints are upserted per step: its
 * number is assigned at the step's first gate and kept, and its decision, reason and resumability follow
 * the step's latest fresh gate. Resuming evaluates the step's stored request again against the current
 * policies (always a fresh evaluation), records the new decision on the step with its gate audit record,
 * counts the resume on the checkpoint and audits it as {@code workflow_checkpoint_resumed}, all in one
 * transaction under the workflow's lock. Thread-safe.
 */
public final class Checkpoints {
    private final Database database;
    private final GateService gates;

    /** Checkpoints over {@code database}; resumes evaluate through {@code gates}. */
    public Checkpoints(Database database, GateService gates) {
        this.database = database;
        this.gates = gates;
    }

    /** The workflow's checkpoints, by step index. */
    public CheckpointsResponse list(Principal caller, String workflowId) {
        return database.read(tx -> {
            Workflows.find(tx, caller, workflowId);
            return new CheckpointsResponse(
                    workflowId,
                    tx.checkpoints().list(caller.tenant(), workflowId).stream()
                            .map(Checkpoints::wire)
                            .toList());
        });
    }

    /** Resumes from the resumable checkpoint with the highest step index. */
    public ResumeFromCheckpointResponse resumeLatest(Principal caller, String workflowId) {
        return resume(caller, workflowId, null);
    }

    /** Resumes from the given checkpoint of the workflow. */
    public ResumeFromCheckpointResponse resume(Principal caller, String workflowId, long checkpointId) {
        return resume(caller, workflowId, Long.valueOf(checkpointId));
    }

    private ResumeFromCheckpointResponse resume(Principal caller, String workflowId, @Nullable Long checkpointId) {
        return database.inTransaction(tx -> {
            WorkflowRecord w = Workflows.locked(tx, caller, workflowId);
            WorkflowStateMachine.fire(WireMapping.status(w.status()), Event.RESUME_CHECKPOINT);
            CheckpointRecord checkpoint = checkpointId == null
                    ? tx.checkpoints()
                            .latestResumable(caller.tenant(), workflowId)
                            .orElseThrow(() -> ApiException.conflict(
                                    ErrorCode.NOT_RESUMABLE,
                                    "no resumable checkpoint found for workflow " + workflowId))
                    : tx.checkpoints()
                            .find(caller.tenant(), workflowId, checkpointId)
                            .orElseThrow(() -> ApiException.notFound("Checkpoint not found"));
            StepRecord before = checkpoint.step();
            if (!isResumable(before)) {
                throw ApiException.conflict(
                        ErrorCode.NOT_RESUMABLE,
                        "checkpoint " + checkpoint.id() + " is not resumable (step was blocked)");
            }
            StepGateRequest request = CheckpointRequests.of(before);
            StepGateResponse answer = gates.gateLocked(
                    tx, caller, w, before.stepId(), gates.prepare(request, hash(before, request)), false);
            tx.checkpoints().resumed(caller.tenant(), workflowId, before.stepId(), tx.now());
            int resumeCount = checkpoint.resumeCount() + 1;
            audit(tx, caller, w, checkpoint, resumeCount);
            return new ResumeFromCheckpointResponse(
                    workflowId,
                    before.stepId(),
                    before.stepIndex(),
                    answer.decision(),
                    DecisionSource.FRESH,
                    resumeCount,
                    "Workflow resumed from checkpoint at step " + before.stepId() + " (index " + before.stepIndex()
                            + ")");
        });
    }

    private static void audit(Tx tx, Principal caller, WorkflowRecord w, CheckpointRecord checkpoint, int count) {
        StepRecord after = Workflows.step(tx, caller, w.id(), checkpoint.step().stepId());
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("checkpoint_id", checkpoint.id());
        facts.put("resume_count", count);
        facts.put("previous_decision", checkpoint.step().gate().decision().wire());
        facts.put("decision_source", DecisionSource.FRESH.wireName());
        tx.audit()
                .append(AuditEntries.step(
                        caller,
                        w,
                        after,
                        Operation.CHECKPOINT_RESUMED,
                        after.gate().decision(),
                        after.gate().reason(),
                        null,
                        facts));
    }

    /** The stored fingerprint of the step's input, so that a later idempotent re-gate of that input is cached. */
    private static String hash(StepRecord s, StepGateRequest request) {
        String stored = s.request().inputHash();
        return stored != null ? stored : Identifiers.inputHash(request.stepInput(), request.toolContext());
    }

    private static boolean isResumable(StepRecord s) {
        return s.gate().decision() != StepDecision.BLOCK;
    }

    private static Checkpoint wire(CheckpointRecord c) {
        StepRecord s = c.step();
        StepDecision decision = s.gate().decision();
        return new Checkpoint(
                c.id(),
                s.workflowId(),
                s.stepId(),
                s.stepIndex(),
                s.stepType(),
                decision == StepDecision.REQUIRE_APPROVAL ? "approval_boundary" : "step_gate",
                WireMapping.decision(decision),
                s.gate().reason(),
                isResumable(s),
                c.resumeCount(),
                s.attempts().firstAttemptAt());
    }
}
