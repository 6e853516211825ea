package dev.arbiter.wire.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One condition of a dynamic policy: {@code field}, {@code operator}, {@code value} (contract §2.1).
 *
 * @param field context key or dotted path
 * @param operator one of the ten operators (plus Arbiter's {@code exists})
 * @param value the operand: a string, number, boolean or list
 */
public record PolicyCondition(
        String field,
        String operator,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object value) {
    /** Checks required fields. */
    public PolicyCondition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
    }
}
