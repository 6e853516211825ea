package dev.arbiter.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, compiled snapshot of policies that turns a {@link PolicyContext} into a {@link Decision}.
 *
 * <p>Compile once per change of the policies and swap the reference; evaluation is then lock-free, so one instance
 * may be shared by any number of threads. Everything that can be prepared is prepared at compile time: condition
 * operands, RE2J patterns, numeric bounds, CEL programs, the reported matches, and an index on equality conditions
 * so that policies which cannot match cost nothing (see {@code docs/policy-semantics.md}).
 */
public final class PolicySet {
    /** Policies and matches are listed by priority, highest first, then by id, whatever order the index used. */
    static final Comparator<Policy> ORDER =
            Comparator.comparingInt(Policy::priority).reversed().thenComparing(Policy::id);

    private static final Comparator<CompiledPolicy> COMPILED_ORDER =
            Comparator.comparing(CompiledPolicy::policy, ORDER);

    private static final PolicySet EMPTY = compile(List.of());

    private final List<Policy> policies;
    private final PolicyIndex index;
    private final int evaluated;
    private final Decision noMatch;

    private PolicySet(List<Policy> policies, List<CompiledPolicy> enabled) {
        this.policies = policies;
        this.index = PolicyIndex.build(enabled);
        this.evaluated = enabled.size();
        this.noMatch = new Decision(Outcome.ALLOW, List.of(), List.of(), evaluated, List.of());
    }

    /** A set with no policies: every decision is {@code allow}. */
    public static PolicySet empty() {
        return EMPTY;
    }

    /**
     * Validates and compiles {@code policies}. Disabled policies are kept (see {@link #policies()}) but never
     * evaluated.
     *
     * @throws PolicyValidationException with every problem, paths prefixed {@code policies[i].} in iteration order,
     *     including duplicate ids
     */
    public static PolicySet compile(Collection<Policy> policies) {
        List<FieldError> errors = new ArrayList<>();
        List<CompiledPolicy> enabled = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int i = 0;
        for (Policy policy : policies) {
            String prefix = "policies[" + i + "]";
            Objects.requireNonNull(policy, prefix);
            Integer first = seen.putIfAbsent(policy.id(), i);
            if (first != null) {
                errors.add(new FieldError(
                        prefix + ".id", "duplicate id '" + policy.id() + "' (also policies[" + first + "])"));
            }
            List<FieldError> own = new ArrayList<>();
            CompiledPolicy compiled = PolicyCompiler.compile(policy, own);
            own.forEach(error -> errors.add(error.prefixed(prefix)));
            if (compiled != null && policy.enabled()) {
                enabled.add(compiled);
            }
            i++;
        }
        if (!errors.isEmpty()) {
            throw new PolicyValidationException(errors);
        }
        List<Policy> sorted = policies.stream().sorted(ORDER).toList();
        return new PolicySet(sorted, enabled);
    }

    /**
     * Evaluates every enabled policy against {@code context}. Never throws for a well-formed context: a CEL runtime
     * error makes its policy not match and is reported in {@link Decision#errors()}.
     */
    public Decision evaluate(PolicyContext context) {
        Objects.requireNonNull(context, "context");
        Accumulator found = index.visitCandidates(context, null, PolicySet::visit);
        return found == null ? noMatch : found.decision(evaluated);
    }

    /** Number of policies, enabled or not. */
    public int size() {
        return policies.size();
    }

    /** All policies of the set, enabled or not, by priority (highest first), then id. */
    public List<Policy> policies() {
        return policies;
    }

    /** How many policies {@code context} makes the index hand to full evaluation; for tests. */
    int candidateCount(PolicyContext context) {
        return index.candidateCount(context);
    }

    private static Accumulator visit(CompiledPolicy[] candidates, PolicyContext context, Accumulator found) {
        Accumulator current = found;
        for (CompiledPolicy candidate : candidates) {
            try {
                if (candidate.matches(context)) {
                    current = current == null ? new Accumulator() : current;
                    current.add(candidate);
                }
            } catch (CelExpression.ExpressionException e) {
                current = current == null ? new Accumulator() : current;
                current.errors.add(new EvaluationError(candidate.policy().id(), e.getMessage()));
            }
        }
        return current;
    }

    /** What one evaluation found; only allocated once something matched or failed. */
    private static final class Accumulator {
        private final List<CompiledPolicy> matches = new ArrayList<>(4);
        private final List<EvaluationError> errors = new ArrayList<>(0);

        void add(CompiledPolicy policy) {
            matches.add(policy);
        }

        Decision decision(int evaluated) {
            matches.sort(COMPILED_ORDER);
            List<PolicyMatch> enforced = new ArrayList<>(matches.size());
            List<PolicyMatch> shadow = new ArrayList<>(0);
            Outcome outcome = Outcome.ALLOW;
            for (CompiledPolicy policy : matches) {
                if (policy.shadow()) {
                    shadow.add(policy.match());
                } else {
                    enforced.add(policy.match());
                    outcome = outcome.strongest(policy.match().action());
                }
            }
            errors.sort(Comparator.comparing(EvaluationError::policyId));
            return new Decision(outcome, enforced, shadow, evaluated, errors);
        }
    }
}
