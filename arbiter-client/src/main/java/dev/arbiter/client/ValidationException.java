package dev.arbiter.client;

import java.util.List;

/**
 * HTTP 400 or 422: Arbiter rejected the request as invalid and changed nothing. Codes include
 * {@code BAD_REQUEST}, {@code INVALID_TRACE_ID}, {@code INVALID_TOOL_CONTEXT} and {@code INVALID_JSON};
 * policy validation failures list the offending fields in {@link #fieldErrors()}.
 */
public final class ValidationException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> fieldErrors;

    ValidationException(ErrorBody body) {
        super(body);
        this.fieldErrors = List.copyOf(body.fieldErrors());
    }

    /** The fields the server named as wrong; empty when the envelope names none. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /**
     * One invalid field.
     *
     * @param field the field's name or JSON pointer
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {}
}
