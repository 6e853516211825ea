package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/**
 * No approval arrived within the session's maximum wait, Arbiter could not be asked, or the waiting
 * thread was interrupted. Waiting for an approval always fails closed: the step must not run.
 */
public final class ApprovalTimeoutException extends GateException {
    private static final long serialVersionUID = 1L;

    ApprovalTimeoutException(
            String message, String workflowId, String stepId, String stepName, @Nullable Throwable cause) {
        super(message, workflowId, stepId, stepName, cause);
    }
}
