package dev.arbiter.core;

/**
 * A validated policy ready for evaluation: compiled conditions, the optional CEL program, and the match it
 * reports, built once so that a match allocates nothing. Immutable and thread-safe.
 */
final class CompiledPolicy {
    private final Policy policy;
    private final CompiledCondition[] conditions;
    private final CelExpression expression;
    private final PolicyMatch match;

    CompiledPolicy(Policy policy, CompiledCondition[] conditions, CelExpression expression, PolicyMatch match) {
        this.policy = policy;
        this.conditions = conditions;
        this.expression = expression;
        this.match = match;
    }

    Policy policy() {
        return policy;
    }

    CompiledCondition[] conditions() {
        return conditions;
    }

    PolicyMatch match() {
        return match;
    }

    boolean shadow() {
        return policy.isShadow();
    }

    /**
     * True when every condition holds and the expression, if any, is true. Conditions run first and in order, so
     * the expression only runs (and can only fail) when the cheap part already matched.
     */
    boolean matches(PolicyContext context) throws CelExpression.ExpressionException {
        for (CompiledCondition condition : conditions) {
            if (!condition.matches(context)) {
                return false;
            }
        }
        return expression == null || expression.test(context);
    }

    @Override
    public String toString() {
        return policy.id();
    }
}
