package dev.arbiter.wire;

import java.util.Objects;

/**
 * The Workflow Control Plane's simple error envelope (contract §0.3), also used for unknown routes.
 *
 * <p>{@code {"error": "not_found", "code": "NOT_FOUND", "message": "Workflow not found"}}; for
 * validation failures {@code error} is {@code validation_error}.
 *
 * @param error the lower snake case category, e.g. {@code bad_request}
 * @param code the stable upper case code, e.g. {@code WORKFLOW_TERMINAL}
 * @param message a human-readable explanation, safe to show
 */
public record ErrorResponse(String error, String code, String message) {
    /** Checks that every field is present. */
    public ErrorResponse {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
