package dev.arbiter.client;

/**
 * HTTP 409: the request conflicts with the current state. Subclasses cover the codes callers branch on;
 * others ({@code STEP_REJECTED}, {@code NO_APPROVAL_NEEDED}, {@code NOT_PENDING}, {@code NOT_RESUMABLE},
 * {@code STEP_INPUT_MISMATCH}, ...) arrive as this class with their {@link #code()}.
 */
public sealed class ConflictException extends ApiException
        permits WorkflowTerminalException,
                ApprovalPendingException,
                ApprovalExpiredException,
                IdempotencyKeyMismatchException {
    private static final long serialVersionUID = 1L;

    ConflictException(ErrorBody body) {
        super(body);
    }
}
