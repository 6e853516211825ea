package dev.arbiter.core;

import java.util.Objects;

/**
 * One test of a policy: the context {@code field} compared with {@code value} by {@code operator}.
 *
 * <p>All conditions of a policy must hold (AND). {@code operator} is the wire name ({@code equals},
 * {@code not_equals}, {@code contains}, {@code not_contains}, {@code contains_any}, {@code regex},
 * {@code greater_than}, {@code less_than}, {@code in}, {@code not_in}, {@code exists}); a record built in code is
 * checked when its policy is parsed or compiled into a {@link PolicySet}. {@code value} is a deep unmodifiable
 * copy of what was given: a string, number, boolean, or a list of those. Immutable and thread-safe.
 *
 * @param field context key or dotted path, e.g. {@code tool_input.query} or {@code context.step_input.query}
 * @param operator wire name of the operator
 * @param value the operand; {@code exists} takes a boolean, list operators take a list
 */
public record Condition(String field, String operator, Object value) {
    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        value = Frozen.copy(value);
    }
}
