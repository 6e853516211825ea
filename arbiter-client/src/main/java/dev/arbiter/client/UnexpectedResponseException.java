package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/**
 * Arbiter answered with a success status but a body the client cannot read: not JSON, or missing a
 * field the client cannot do without (such as a gate's {@code decision}). Never treated as an allow.
 */
public final class UnexpectedResponseException extends ArbiterException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String rawBody;

    UnexpectedResponseException(String message, int httpStatus, String rawBody, @Nullable Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.rawBody = rawBody;
    }

    /** The HTTP status of the unreadable answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The body as received. */
    public String rawBody() {
        return rawBody;
    }
}
