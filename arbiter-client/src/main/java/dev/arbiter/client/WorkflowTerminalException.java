package dev.arbiter.client;

/**
 * HTTP 409 {@code WORKFLOW_TERMINAL}: the workflow is completed, aborted or failed, so nothing more can
 * happen to it.
 */
public final class WorkflowTerminalException extends ConflictException {
    private static final long serialVersionUID = 1L;

    WorkflowTerminalException(ErrorBody body) {
        super(body);
    }
}
