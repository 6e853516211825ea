package dev.arbiter.wire.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The dynamic-policy error envelope {@code {"error": {"code", "message", "details": [{field, message}]}}}
 * (contract §0.3). Codes: {@code UNAUTHORIZED}, {@code INVALID_JSON}, {@code VALIDATION_ERROR},
 * {@code BAD_REQUEST}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code CONFLICT}, {@code INTERNAL_ERROR}.
 *
 * @param error the error body
 */
public record PolicyErrorResponse(Body error) {
    /** Checks that the body is present. */
    public PolicyErrorResponse {
        Objects.requireNonNull(error, "error");
    }

    /**
     * The body.
     *
     * @param code the stable upper case code
     * @param message a human-readable explanation
     * @param details one entry per invalid field; omitted when empty
     */
    public record Body(
            String code,
            String message,

            @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
            List<FieldDetail> details) {
        /** Checks required fields and copies the details. */
        public Body {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            details = details == null ? null : List.copyOf(details);
        }
    }

    /**
     * One invalid field.
     *
     * @param field the field's path in the request, e.g. {@code conditions[0].operator}
     * @param message what is wrong with it
     */
    public record FieldDetail(String field, String message) {
        /** Checks required fields. */
        public FieldDetail {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }
}
