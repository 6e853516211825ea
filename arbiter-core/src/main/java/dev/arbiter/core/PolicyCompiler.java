package dev.arbiter.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a {@link Policy} and compiles it for evaluation. The parser and {@link PolicySet#compile} share it, so a
 * policy built in code is held to the same rules as one parsed from JSON. Stateless.
 */
final class PolicyCompiler {
    static final Set<String> TYPES = Set.of("content", "user", "risk", "cost", "media");
    static final Set<String> TIERS = Set.of("tenant", "organization", "system");
    static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");
    static final String DEFAULT_SEVERITY = "medium";

    private PolicyCompiler() {}

    /** Compiles with paths {@code conditions[i]} and {@code actions[i]}. */
    static CompiledPolicy compile(Policy policy, List<FieldError> errors) {
        return compile(
                policy,
                indexed("conditions", policy.conditions().size()),
                indexed("actions", policy.actions().size()),
                errors);
    }

    /**
     * Compiles {@code policy}, or returns {@code null} after adding every problem to {@code errors}. The path lists
     * name each condition and action as the author wrote it (the shorthand numbers them differently).
     */
    static CompiledPolicy compile(
            Policy policy, List<String> conditionPaths, List<String> actionPaths, List<FieldError> errors) {
        int before = errors.size();
        required(policy.id(), "id", errors);
        required(policy.name(), "name", errors);
        oneOf(policy.type(), TYPES, "type", errors);
        oneOf(policy.tier(), TIERS, "tier", errors);
        CompiledCondition[] conditions =
                new CompiledCondition[policy.conditions().size()];
        for (int i = 0; i < conditions.length; i++) {
            conditions[i] = ConditionCompiler.compile(policy.conditions().get(i), conditionPaths.get(i), errors);
        }
        CelExpression expression = null;
        if (policy.expression() != null) {
            if (policy.expression().isBlank()) {
                errors.add(new FieldError("expression", "must not be blank"));
            } else {
                expression = CelEnvironment.compile(policy.expression(), "expression", errors);
            }
        }
        if (policy.conditions().isEmpty() && policy.expression() == null) {
            errors.add(new FieldError("conditions", "at least one condition or an expression is required"));
        }
        PolicyAction strongest = strongestAction(policy, actionPaths, errors);
        if (errors.size() > before) {
            return null;
        }
        return new CompiledPolicy(policy, conditions, expression, match(policy, strongest));
    }

    /** The first action with the strongest outcome, after checking every action. */
    private static PolicyAction strongestAction(Policy policy, List<String> paths, List<FieldError> errors) {
        if (policy.actions().isEmpty()) {
            errors.add(new FieldError("actions", "at least one action is required"));
            return null;
        }
        PolicyAction strongest = null;
        Outcome strongestOutcome = null;
        for (int i = 0; i < policy.actions().size(); i++) {
            PolicyAction action = policy.actions().get(i);
            String path = paths.get(i);
            Optional<ActionType> type = ActionType.fromWireName(action.type());
            if (type.isEmpty()) {
                errors.add(new FieldError(path + ".type", "unknown action type '" + action.type() + "'"));
                continue;
            }
            Object reason = action.config().get("reason");
            if (reason != null && !(reason instanceof String)) {
                errors.add(new FieldError(path + ".config.reason", "must be a string"));
            }
            Object severity = action.config().get("severity");
            if (severity != null && !SEVERITIES.contains(severity)) {
                errors.add(new FieldError(path + ".config.severity", "must be one of low, medium, high, critical"));
            }
            Outcome outcome = type.get().outcome();
            if (strongestOutcome == null || outcome.compareTo(strongestOutcome) > 0) {
                strongest = action;
                strongestOutcome = outcome;
            }
        }
        return strongest;
    }

    private static PolicyMatch match(Policy policy, PolicyAction action) {
        Outcome outcome = ActionType.fromWireName(action.type()).orElseThrow().outcome();
        String reason = action.reason()
                .orElse(
                        policy.description().isBlank()
                                ? "Matched policy '" + policy.name() + "'"
                                : policy.description());
        String severity = action.config().get("severity") instanceof String s ? s : DEFAULT_SEVERITY;
        return new PolicyMatch(policy.id(), policy.name(), outcome, reason, severity);
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static void oneOf(String value, Set<String> allowed, String field, List<FieldError> errors) {
        if (!allowed.contains(value)) {
            errors.add(new FieldError(
                    field,
                    "must be one of "
                            + String.join(", ", allowed.stream().sorted().toList()) + ", not '" + value + "'"));
        }
    }

    private static List<String> indexed(String name, int size) {
        return java.util.stream.IntStream.range(0, size)
                .mapToObj(i -> name + "[" + i + "]")
                .toList();
    }
}
