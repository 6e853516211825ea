package dev.arbiter.server.policy;

import dev.arbiter.core.FieldError;
import java.util.List;
import java.util.Objects;

/**
 * A policy-management request that cannot be served as asked. The message is written for the caller and is
 * safe to show; the HTTP layer renders it in the envelope of the route family: dynamic-policy
 * {@code {"error": {code, message, details}}}, static-policy {@code {"error": {code: <status>, message}}}, or
 * an RFC 9457 problem on Arbiter-native routes. Immutable.
 */
public final class PolicyApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The kinds of failure, with their status and the dynamic-policy API's code. */
    public enum Kind {
        BAD_REQUEST(400, "BAD_REQUEST", "Bad request"),
        INVALID_JSON(400, "INVALID_JSON", "Invalid JSON"),
        VALIDATION(400, "VALIDATION_ERROR", "Invalid request"),
        FORBIDDEN(403, "FORBIDDEN", "Forbidden"),
        NOT_FOUND(404, "NOT_FOUND", "Not found"),
        CONFLICT(409, "CONFLICT", "Conflict");

        private final int status;
        private final String code;
        private final String title;

        Kind(int status, String code, String title) {
            this.status = status;
            this.code = code;
            this.title = title;
        }

        /** The HTTP status. */
        public int status() {
            return status;
        }

        /** The upper case code of the dynamic-policy envelope, e.g. {@code VALIDATION_ERROR}. */
        public String code() {
            return code;
        }

        /** The fixed title of a problem body. */
        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final transient List<FieldError> fields;

    /** A failure without field details. */
    public PolicyApiException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** A failure listing the invalid fields. */
    public PolicyApiException(Kind kind, String message, List<FieldError> fields) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fields = List.copyOf(fields);
    }

    /** A 400 {@code VALIDATION_ERROR} listing {@code fields}. */
    public static PolicyApiException invalid(List<FieldError> fields) {
        return new PolicyApiException(Kind.VALIDATION, "Request validation failed", fields);
    }

    /** A 404 with this message. */
    public static PolicyApiException notFound(String message) {
        return new PolicyApiException(Kind.NOT_FOUND, message);
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The invalid fields, each with its path in the request; empty unless {@link Kind#VALIDATION}. */
    public List<FieldError> fields() {
        return fields;
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
