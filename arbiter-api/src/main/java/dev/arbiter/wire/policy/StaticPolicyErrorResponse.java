package dev.arbiter.wire.policy;

import java.util.Objects;

/**
 * The static-policy error envelope {@code {"error": {"code": <HTTP status>, "message"}}} (contract §0.3).
 *
 * @param error the error body
 */
public record StaticPolicyErrorResponse(Body error) {
    /** Checks that the body is present. */
    public StaticPolicyErrorResponse {
        Objects.requireNonNull(error, "error");
    }

    /** An error with this status and message. */
    public static StaticPolicyErrorResponse of(int status, String message) {
        return new StaticPolicyErrorResponse(new Body(status, message));
    }

    /**
     * The body.
     *
     * @param code the HTTP status, as a number
     * @param message a human-readable explanation
     */
    public record Body(int code, String message) {
        /** Checks the message. */
        public Body {
            Objects.requireNonNull(message, "message");
        }
    }
}
