package dev.arbiter.client;

/**
 * HTTP 409 {@code APPROVAL_EXPIRED}: nobody approved or rejected the step within the server's
 * {@code ARBITER_APPROVAL_TIMEOUT}, so it can no longer be approved, rejected or resumed past. An expired
 * approval does not abort the workflow: {@link ArbiterClient#resumeFromCheckpoint(String)} (or a re-gate
 * with {@code reevaluate}) asks for a new approval.
 */
public final class ApprovalExpiredException extends ConflictException {
    private static final long serialVersionUID = 1L;

    ApprovalExpiredException(ErrorBody body) {
        super(body);
    }
}
