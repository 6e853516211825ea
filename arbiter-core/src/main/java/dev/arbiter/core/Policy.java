package dev.arbiter.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dynamic policy in canonical form: AND-ed {@link Condition}s, an optional CEL {@code expression}, and the
 * {@link PolicyAction}s to apply when both hold.
 *
 * <p>This is AxonFlow's dynamic-policy resource plus two Arbiter fields, {@code expression} and {@code mode}.
 * Build one with {@link PolicyParser#parse}, which also accepts the documented shorthand and validates everything;
 * a record built in code is validated when it is compiled into a {@link PolicySet}. Immutable and thread-safe.
 *
 * @param id unique id within a policy set
 * @param name human-readable name, required
 * @param description free text, may be empty
 * @param type {@code content}, {@code user}, {@code risk}, {@code cost} or {@code media}
 * @param category e.g. {@code dynamic-security}
 * @param tier {@code tenant}, {@code organization} or {@code system}
 * @param conditions AND-ed tests; may be empty only when there is an expression
 * @param actions at least one action
 * @param priority higher first when matches are listed; never changes the outcome
 * @param enabled disabled policies are kept but never evaluated
 * @param tags free labels; the shorthand's {@code scope} is kept here as {@code scope:<value>}
 * @param expression a CEL boolean expression, or {@code null} when there is none
 * @param mode {@link PolicyMode#ENFORCE} or {@link PolicyMode#SHADOW}
 */
public record Policy(
        String id,
        String name,
        String description,
        String type,
        String category,
        String tier,
        List<Condition> conditions,
        List<PolicyAction> actions,
        int priority,
        boolean enabled,
        List<String> tags,
        String expression,
        PolicyMode mode) {
    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tier, "tier");
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        tags = List.copyOf(tags);
        Objects.requireNonNull(mode, "mode");
    }

    /** The CEL expression, if the policy has one. */
    public Optional<String> celExpression() {
        return Optional.ofNullable(expression);
    }

    /** The same policy under another id, e.g. the UUID a store assigns. */
    public Policy withId(String newId) {
        return new Policy(
                newId,
                name,
                description,
                type,
                category,
                tier,
                conditions,
                actions,
                priority,
                enabled,
                tags,
                expression,
                mode);
    }

    /** The same policy, enabled or disabled. */
    public Policy withEnabled(boolean newEnabled) {
        return new Policy(
                id,
                name,
                description,
                type,
                category,
                tier,
                conditions,
                actions,
                priority,
                newEnabled,
                tags,
                expression,
                mode);
    }

    /** True when this policy is only reported, never enforced. */
    public boolean isShadow() {
        return mode == PolicyMode.SHADOW;
    }
}
