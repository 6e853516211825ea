package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.store.ApprovalStatus;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.workflow.WorkflowActionResponse;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.util.Optional;

/**
 * The checks of {@code POST /api/v1/workflows/{id}/resume} (contract §1.8), which changes nothing except
 * an approval found overdue on the way.
 *
 * <p>The order, first refusal wins: an unknown workflow is 404; a terminal workflow is 409
 * {@code STEP_REJECTED} when one of its steps was rejected, else 409 {@code WORKFLOW_TERMINAL}; then the
 * last step's approval: pending is 409 {@code APPROVAL_PENDING}, expired (just now or before) 409
 * {@code APPROVAL_EXPIRED}, rejected 409 {@code STEP_REJECTED}. The contract lists
 * {@code WORKFLOW_TERMINAL} before {@code STEP_REJECTED}, but a rejection aborts its workflow in the
 * same transaction, so after a rejection the workflow is always terminal: answering
 * {@code WORKFLOW_TERMINAL} there would make the contract's "resume after a rejected step" code
 * unreachable. A rejected last step on a workflow still in progress cannot be produced through the API
 * (only by editing the database); it is refused all the same. Stateless and thread-safe.
 */
final class ResumeChecks {
    private final ApprovalExpiry expiry;

    ResumeChecks(ApprovalExpiry expiry) {
        this.expiry = expiry;
    }

    /** Runs the checks in {@code tx}; the answer when the workflow may continue, or why not. */
    Outcome<WorkflowActionResponse> check(Tx tx, Principal caller, String workflowId) {
        WorkflowRecord w = Workflows.locked(tx, caller, workflowId);
        if (w.status().isTerminal()) {
            rejectedStep(tx, caller, w).ifPresent(step -> {
                throw rejected(step);
            });
        }
        WorkflowStateMachine.fire(WireMapping.status(w.status()), WorkflowStateMachine.Event.RESUME);
        Optional<StepRecord> last = tx.steps().last(caller.tenant(), workflowId);
        var status = last.map(s -> expiry.settle(tx, w, s).approval().status()).orElse(null);
        if (status == null || status == ApprovalStatus.APPROVED) {
            return Outcome.of(new WorkflowActionResponse(w.id(), WorkflowStatus.IN_PROGRESS, "Workflow resumed", null));
        }
        String stepId = last.orElseThrow().stepId();
        return switch (status) {
            case PENDING ->
                throw ApiException.conflict(
                        ErrorCode.APPROVAL_PENDING, "workflow has pending approval for step " + stepId);
            case REJECTED -> throw rejected(stepId);
            // Refused after the commit: the expiry settle() may just have written must stay.
            case EXPIRED ->
                Outcome.refused(ApiException.conflict(
                        ErrorCode.APPROVAL_EXPIRED, "workflow step " + stepId + " expired (approval timed out)"));
            case APPROVED -> throw new IllegalStateException("approved was answered above");
        };
    }

    private static Optional<String> rejectedStep(Tx tx, Principal caller, WorkflowRecord w) {
        return tx.steps().list(caller.tenant(), w.id()).stream()
                .filter(s -> s.approval().status() == ApprovalStatus.REJECTED)
                .map(StepRecord::stepId)
                .findFirst();
    }

    private static ApiException rejected(String stepId) {
        return ApiException.conflict(ErrorCode.STEP_REJECTED, "workflow step " + stepId + " was rejected");
    }
}
