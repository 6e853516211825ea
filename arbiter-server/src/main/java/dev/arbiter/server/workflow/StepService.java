package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.webhook.WebhookEvents;
import dev.arbiter.server.workflow.AuditEntries.Operation;
import dev.arbiter.server.workflow.WorkflowStateMachine.Event;
import dev.arbiter.store.Approval;
import dev.arbiter.store.Database;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.Usage;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.PendingApprovalsResponse;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a gated step afterwards (contract §1.7, §1.8): completion with its output and
 * usage, approval, rejection (which aborts the workflow), and the list of steps awaiting a person.
 * Each change and its audit record commit in one transaction. Thread-safe.
 */
public final class StepService {
    /** Shortest approval comment or rejection reason, after trimming (contract §1.8). */
    static final int MIN_COMMENT = 10;

    private final Database database;
    private final ApprovalExpiry expiry;

    /** A service over {@code database}; approvals expire as {@code expiry} says. */
    public StepService(Database database, ApprovalExpiry expiry) {
        this.database = database;
        this.expiry = expiry;
    }

    /** Marks a step completed; only the fields sent overwrite what is stored. */
    public void complete(Principal caller, String workflowId, String stepId, MarkStepCompletedRequest request) {
        GateRequests.validate(request);
        String output = request.output() == null ? null : JsonText.write(request.output());
        Usage actual = new Usage(
                request.tokensIn() == null ? null : request.tokensIn().longValue(),
                request.tokensOut() == null ? null : request.tokensOut().longValue(),
                request.costUsd() == null ? null : BigDecimal.valueOf(request.costUsd()));
        database.inTransaction(tx -> {
            WorkflowRecord w = Workflows.locked(tx, caller, workflowId);
            WorkflowStateMachine.fire(WireMapping.status(w.status()), Event.COMPLETE_STEP);
            StepRecord step = Workflows.step(tx, caller, workflowId, stepId);
            String key = request.idempotencyKey();
            String stored = step.request().idempotencyKey();
            if (key != null && !key.isEmpty() && !key.equals(stored)) {
                Map<String, @Nullable Object> details = new LinkedHashMap<>();
                details.put("workflow_id", workflowId);
                details.put("step_id", stepId);
                details.put("expected_idempotency_key", stored == null ? "" : stored);
                details.put("received_idempotency_key", key);
                throw new ApiException(
                        ErrorCode.IDEMPOTENCY_KEY_MISMATCH,
                        "idempotency_key does not match the key recorded for this step",
                        details);
            }
            StepRecord done = step.withUsage(step.usage().overwrittenBy(actual))
                    .withCompletion(step.completion().next(output, tx.now()));
            tx.steps().update(done);
            Map<String, @Nullable Object> facts = new LinkedHashMap<>();
            facts.put("output_recorded", output != null);
            tx.audit()
                    .append(AuditEntries.step(
                            caller,
                            w,
                            done,
                            Operation.STEP_COMPLETED,
                            done.gate().decision(),
                            done.gate().reason(),
                            null,
                            facts));
            return null;
        });
    }

    /** Approves a step awaiting approval; the approval covers the exact input it was gated with. */
    public StepApprovalResponse approve(
            Principal caller, String workflowId, String stepId, @Nullable String comment, String approver) {
        String text = requireText(comment, "Comment");
        return decide(caller, workflowId, stepId, text, approver, true);
    }

    /** Rejects a step awaiting approval and aborts its workflow. */
    public StepApprovalResponse reject(
            Principal caller, String workflowId, String stepId, @Nullable String reason, String approver) {
        String text = requireText(reason, "Reason");
        return decide(caller, workflowId, stepId, text, approver, false);
    }

    /**
     * Steps of the caller's tenant awaiting approval, most recently gated first. Overdue approvals of the
     * tenant are written as expired first; the listing leaves out any that fell due since.
     */
    public PendingApprovalsResponse pending(Principal caller, int limit) {
        expiry.expireDue(caller.tenant());
        return database.read(tx -> {
            var rows = tx.steps().pending(caller.tenant(), limit, expiry.cutoff(tx.now())).stream()
                    .map(WireMapping::pending)
                    .toList();
            return new PendingApprovalsResponse(rows, rows.size());
        });
    }

    private StepApprovalResponse decide(
            Principal caller, String workflowId, String stepId, String text, String approver, boolean approve) {
        return database.inTransaction(tx -> {
                    WorkflowRecord w = Workflows.locked(tx, caller, workflowId);
                    Event event = approve ? Event.APPROVE_STEP : Event.REJECT_STEP;
                    var transition = WorkflowStateMachine.fire(WireMapping.status(w.status()), event);
                    StepRecord found = Workflows.step(tx, caller, workflowId, stepId);
                    if (found.gate().decision() != StepDecision.REQUIRE_APPROVAL) {
                        throw ApiException.conflict(ErrorCode.NO_APPROVAL_NEEDED, "step does not require approval");
                    }
                    StepRecord step = expiry.settle(tx, w, found);
                    if (step.approval().status() == dev.arbiter.store.ApprovalStatus.EXPIRED) {
                        // Refused after the commit, so that an expiry settle() just wrote stays written.
                        return Outcome.<StepApprovalResponse>refused(expiry.refusal(step));
                    }
                    return Outcome.of(decided(tx, caller, w, transition, step, text, approver, approve));
                })
                .get();
    }

    private StepApprovalResponse decided(
            Tx tx,
            Principal caller,
            WorkflowRecord w,
            WorkflowStateMachine.Transition transition,
            StepRecord step,
            String text,
            String approver,
            boolean approve) {
        String stepId = step.stepId();
        ApprovalStatus outcome = ApprovalStateMachine.decide(
                        WireMapping.approvalStatus(step.approval().status()),
                        approve ? ApprovalStateMachine.Event.APPROVE : ApprovalStateMachine.Event.REJECT)
                .to();
        Instant now = tx.now();
        Approval decided = step.approval().decide(WireMapping.approvalStatus(outcome), approver, now, text);
        StepRecord updated = step.withApproval(decided);
        tx.steps().update(updated);
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("approval_id", decided.approvalId());
        facts.put("approval_status", outcome.wireName());
        facts.put("comment", text);
        if (!approve) {
            String abortReason = "Step " + stepId + " rejected by " + approver;
            Map<String, @Nullable Object> metadata = new LinkedHashMap<>(JsonText.map(w.metadataJson()));
            metadata.put("abort_reason", abortReason);
            WorkflowRecord aborted =
                    w.finish(WireMapping.status(transition.to()), abortReason, JsonText.write(metadata), now);
            tx.workflows().update(aborted);
            facts.put("workflow_status", transition.to().wireName());
        }
        StepDecision decision = approve ? StepDecision.ALLOW : StepDecision.BLOCK;
        Operation op = approve ? Operation.STEP_APPROVED : Operation.STEP_REJECTED;
        tx.audit().append(AuditEntries.step(caller, w, updated, op, decision, text, approver, facts));
        WebhookEvents.stepDecided(tx, updated);
        return projection(updated, approve, approver, now);
    }

    private static StepApprovalResponse projection(StepRecord step, boolean approve, String actor, Instant at) {
        String original = step.gate().reason();
        String reason = approve
                ? (original == null || original.isEmpty() ? "Approved" : "Approved: " + original)
                : "Rejected: " + step.approval().comment();
        ApprovalStatus status = approve ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED;
        List<dev.arbiter.wire.workflow.PolicyMatch> matched =
                JsonText.matches(step.gate().policiesMatchedJson());
        return new StepApprovalResponse(
                step.workflowId(),
                null,
                step.stepId(),
                status,
                approve ? GateDecision.ALLOW : GateDecision.BLOCK,
                reason,
                status,
                String.valueOf(step.approval().approvalId()),
                approve ? actor : null,
                approve ? at : null,
                approve ? null : actor,
                approve ? null : at,
                matched,
                RetryContexts.of(step, step.attempts().lastDecision(), false),
                approve ? "Step approved" : "Step rejected, workflow aborted");
    }

    private static String requireText(@Nullable String text, String what) {
        if (text == null || text.trim().length() < MIN_COMMENT) {
            throw ApiException.badRequest(what + " is required (minimum " + MIN_COMMENT + " characters)");
        }
        return text.trim();
    }
}
