package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/**
 * A {@link WorkflowSession} did not let a step run. The session records it, so closing the session
 * aborts the workflow with this exception's message unless the body carries on afterwards.
 */
public abstract sealed class GateException extends ArbiterException
        permits WorkflowBlockedException, ApprovalRequiredException, ApprovalDeniedException, ApprovalTimeoutException {
    private static final long serialVersionUID = 1L;

    private final String workflowId;
    private final String stepId;
    private final String stepName;

    GateException(String message, String workflowId, String stepId, String stepName, @Nullable Throwable cause) {
        super(message, cause);
        this.workflowId = workflowId;
        this.stepId = stepId;
        this.stepName = stepName;
    }

    /** The workflow the step belongs to. */
    public String workflowId() {
        return workflowId;
    }

    /** The step's id, as sent to the gate. */
    public String stepId() {
        return stepId;
    }

    /** The step's name, as given to the session. */
    public String stepName() {
        return stepName;
    }
}
