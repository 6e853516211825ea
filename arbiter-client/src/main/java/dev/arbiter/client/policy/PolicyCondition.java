package dev.arbiter.client.policy;

import org.jspecify.annotations.Nullable;

/**
 * One condition of a tenant policy; a policy's conditions are AND-ed (contract §2.2).
 *
 * @param field the context key, e.g. {@code step_type}, {@code model}, {@code tool_input.query}
 * @param operator one of {@code equals}, {@code not_equals}, {@code contains}, {@code not_contains},
 *     {@code contains_any}, {@code regex}, {@code greater_than}, {@code less_than}, {@code in},
 *     {@code not_in}
 * @param value what the field is compared with; a list for {@code in}, {@code not_in}, {@code contains_any}
 */
public record PolicyCondition(
        String field, String operator, @Nullable Object value) {
    /** Checks that field and operator are named. */
    public PolicyCondition {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("condition field must not be blank");
        }
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("condition operator must not be blank");
        }
    }
}
