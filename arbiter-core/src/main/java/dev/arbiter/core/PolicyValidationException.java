package dev.arbiter.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a policy document or policy set is invalid; carries every problem found, not just the first.
 *
 * <p>Unchecked, as all of core's exceptions are. The server maps it to the dynamic-policy validation envelope
 * ({@code details: [{field, message}]}). Its error list is immutable, so it may be shared between threads.
 */
public final class PolicyValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    /** Creates the exception; {@code errors} must not be empty. */
    public PolicyValidationException(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in document order. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation exception needs at least one error");
        }
        return "invalid policy: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
