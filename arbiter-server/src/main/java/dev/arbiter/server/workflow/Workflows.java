package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.WorkflowRecord;

/** Lookups every operation starts with; a missing or foreign workflow or step is a 404. Stateless. */
final class Workflows {
    static final String WORKFLOW_NOT_FOUND = "Workflow not found";
    static final String STEP_NOT_FOUND = "Step not found";

    private Workflows() {}

    /** The caller's workflow, locked until the transaction ends. */
    static WorkflowRecord locked(Tx tx, Principal caller, String workflowId) {
        return tx.workflows()
                .lockForUpdate(caller.tenant(), workflowId)
                .orElseThrow(() -> ApiException.notFound(WORKFLOW_NOT_FOUND));
    }

    /** The caller's workflow, not locked. */
    static WorkflowRecord find(Tx tx, Principal caller, String workflowId) {
        return tx.workflows()
                .find(caller.tenant(), workflowId)
                .orElseThrow(() -> ApiException.notFound(WORKFLOW_NOT_FOUND));
    }

    /** A step of the caller's workflow. */
    static StepRecord step(Tx tx, Principal caller, String workflowId, String stepId) {
        return tx.steps()
                .find(caller.tenant(), workflowId, stepId)
                .orElseThrow(() -> ApiException.notFound(STEP_NOT_FOUND));
    }
}
