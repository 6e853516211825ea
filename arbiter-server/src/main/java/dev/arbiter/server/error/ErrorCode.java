package dev.arbiter.server.error;

import java.util.Locale;

/**
 * Every error the API answers with, its HTTP status and its envelope (contract §1.2, §0.3).
 *
 * <p>On the Workflow Control Plane the body is {@code {"error": <category>, "code": <name>,
 * "message"}}; {@link #structured()} codes use the structured envelope instead.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    INVALID_TRACE_ID(400, "validation_error"),
    INVALID_TOOL_CONTEXT(400, "validation_error"),
    UNAUTHORIZED(401),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    WORKFLOW_TERMINAL(409),
    APPROVAL_PENDING(409),
    STEP_REJECTED(409),
    NO_APPROVAL_NEEDED(409),
    NOT_PENDING(409),
    APPROVAL_EXPIRED(409),
    NOT_RESUMABLE(409),
    IDEMPOTENCY_KEY_MISMATCH(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503);

    private final int status;
    private final String category;

    ErrorCode(int status) {
        this.status = status;
        this.category = name().toLowerCase(Locale.ROOT);
    }

    ErrorCode(int status, String category) {
        this.status = status;
        this.category = category;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The envelope's {@code error} field: the lower case code, or {@code validation_error}. */
    public String category() {
        return category;
    }

    /** True when the contract answers this code with the structured envelope. */
    public boolean structured() {
        return this == IDEMPOTENCY_KEY_MISMATCH;
    }
}
