package dev.arbiter.client;

/**
 * HTTP 409 {@code APPROVAL_PENDING}: a step of this workflow waits for a person, so other steps cannot
 * be gated and the workflow cannot be completed or resumed until it is approved or rejected.
 */
public final class ApprovalPendingException extends ConflictException {
    private static final long serialVersionUID = 1L;

    ApprovalPendingException(ErrorBody body) {
        super(body);
    }
}
