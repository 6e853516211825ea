package dev.arbiter.core;

import java.util.Objects;

/**
 * One problem found while validating a policy: the path of the offending field and what is wrong with it.
 *
 * <p>Paths use the policy document's own names with list indices, e.g. {@code conditions[2].operator} or
 * {@code actions[0].type}; {@link PolicySet#compile} prefixes them with {@code policies[i].}. Immutable and
 * thread-safe.
 *
 * @param field path of the offending field; empty when the whole document is wrong
 * @param message what is wrong, safe to show to the policy author
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same error with {@code prefix} put in front of its path. */
    FieldError prefixed(String prefix) {
        return new FieldError(field.isEmpty() ? prefix : prefix + "." + field, message);
    }

    /** {@code field: message}, the form used in exception messages and logs. */
    @Override
    public String toString() {
        return field.isEmpty() ? message : field + ": " + message;
    }
}
