package dev.arbiter.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The structured error envelope: {@code {"error": {"code", "message", "details"}}} (contract §0.3).
 *
 * <p>The Workflow Control Plane uses it for 409 {@code IDEMPOTENCY_KEY_MISMATCH}, with details
 * {@code workflow_id}, {@code step_id}, {@code expected_idempotency_key} and
 * {@code received_idempotency_key} (both keys present even when empty).
 *
 * @param error the error body
 */
public record StructuredErrorResponse(Body error) {
    /** Checks that the body is present. */
    public StructuredErrorResponse {
        Objects.requireNonNull(error, "error");
    }

    /**
     * The body of a structured error.
     *
     * @param code the stable upper case code
     * @param message a human-readable explanation
     * @param details facts about this occurrence; keys are snake_case
     */
    public record Body(String code, String message, Map<String, Object> details) {
        /** Checks required fields and copies the details. */
        public Body {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }
}
