package dev.arbiter.core;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * A compiled, type-checked CEL policy expression, ready to run against a {@link PolicyContext}.
 *
 * <p>Programs of the planner runtime hold no per-evaluation state, so one instance serves all threads.
 */
final class CelExpression {
    private final String source;
    private final CelRuntime.Program program;

    CelExpression(String source, CelRuntime.Program program) {
        this.source = source;
        this.program = program;
    }

    /**
     * Runs the expression; a runtime error (a missing map key, a type mismatch on {@code dyn}) is reported as
     * {@link ExpressionException} so that the caller records it and treats the policy as not matching.
     */
    boolean test(PolicyContext context) throws ExpressionException {
        Object result;
        try {
            result = program.eval(context.celVariables());
        } catch (CelEvaluationException | RuntimeException e) {
            throw new ExpressionException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (result instanceof Boolean matched) {
            return matched;
        }
        throw new ExpressionException("expression evaluated to " + result + ", not a bool");
    }

    @Override
    public String toString() {
        return source;
    }

    /** A CEL runtime error, carried to {@link PolicySet} as a checked exception so it cannot be forgotten. */
    static final class ExpressionException extends Exception {
        private static final long serialVersionUID = 1L;

        ExpressionException(String message) {
            super(message, null, false, false);
        }
    }
}
