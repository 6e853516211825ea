package dev.arbiter.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Static policies that cannot be compiled, with every problem found (not only the first).
 *
 * <p>The server answers 400 with these errors (wire contract §2.4: an invalid regex is a 400). Immutable.
 */
public final class StaticPolicyValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The errors, each naming the offending policy and field. */
    private final transient List<FieldError> errors;

    /**
     * One problem with one field of one policy.
     *
     * @param policyId the policy's id (may be blank when the id itself is the problem)
     * @param field the field name as on the wire, e.g. {@code pattern}
     * @param message what is wrong, e.g. {@code invalid regex: missing closing )}
     */
    public record FieldError(String policyId, String field, String message) {
        public FieldError {
            Objects.requireNonNull(policyId, "policyId");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return policyId + " " + field + ": " + message;
        }
    }

    StaticPolicyValidationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in the order of the policies. */
    public List<FieldError> errors() {
        return errors;
    }
}
