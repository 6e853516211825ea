package dev.arbiter.core;

import java.util.Set;

/**
 * A validated condition: its field prepared for lookup and its operator and operand precompiled.
 *
 * @param field where the value comes from
 * @param test what the value must satisfy
 * @param indexKeys for {@code equals}/{@code in} on non-numeric operands, the context texts that can match;
 *     otherwise {@code null}
 */
record CompiledCondition(FieldRef field, ValueTest test, Set<String> indexKeys) {
    boolean matches(PolicyContext context) {
        return test.test(context.resolve(field));
    }

    boolean indexable() {
        return indexKeys != null && !indexKeys.isEmpty();
    }
}
