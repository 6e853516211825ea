package dev.arbiter.client.policy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body to create or replace a tenant (dynamic) policy (contract §2.1). Build one with
 * {@link #builder(String)}; the server validates operators, action types and the category.
 *
 * @param name required
 * @param description what it is for
 * @param type {@code content}, {@code user}, {@code risk} or {@code cost}
 * @param category must start with {@code dynamic-}
 * @param tier {@code tenant} (default) or {@code organization}
 * @param conditions AND-ed conditions
 * @param actions what happens when it matches
 * @param priority higher is evaluated first
 * @param enabled whether it is evaluated
 * @param tags free labels
 * @param expression an Arbiter CEL expression AND-ed with the conditions, type-checked when saved
 * @param mode Arbiter's {@code enforce} (default) or {@code shadow}: evaluated and reported, never deciding
 */
public record TenantPolicyRequest(
        String name,
        @Nullable String description,
        @Nullable String type,
        @Nullable String category,
        @Nullable String tier,
        List<PolicyCondition> conditions,
        List<PolicyAction> actions,
        @Nullable Integer priority,
        @Nullable Boolean enabled,
        @Nullable List<String> tags,
        @Nullable String expression,
        @Nullable String mode) {
    /** Checks the name and copies the lists. */
    public TenantPolicyRequest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** A builder for a policy with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects a policy. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private @Nullable String description;
        private @Nullable String type;
        private @Nullable String category;
        private @Nullable String tier;
        private final List<PolicyCondition> conditions = new ArrayList<>();
        private final List<PolicyAction> actions = new ArrayList<>();
        private @Nullable Integer priority;
        private @Nullable Boolean enabled;
        private @Nullable List<String> tags;
        private @Nullable String expression;
        private @Nullable String mode;

        private Builder(String name) {
            this.name = name;
        }

        /** What the policy is for. */
        public Builder description(@Nullable String description) {
            this.description = description;
            return this;
        }

        /** {@code content}, {@code user}, {@code risk} or {@code cost}. */
        public Builder type(@Nullable String type) {
            this.type = type;
            return this;
        }

        /** Must start with {@code dynamic-}, e.g. {@code dynamic-security}. */
        public Builder category(@Nullable String category) {
            this.category = category;
            return this;
        }

        /** {@code tenant} or {@code organization}. */
        public Builder tier(@Nullable String tier) {
            this.tier = tier;
            return this;
        }

        /** Adds a condition: {@code when("model", "equals", "gpt-4")}. */
        public Builder when(String field, String operator, @Nullable Object value) {
            conditions.add(new PolicyCondition(field, operator, value));
            return this;
        }

        /** Adds an action. */
        public Builder action(PolicyAction action) {
            actions.add(action);
            return this;
        }

        /** Higher is evaluated first. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** Whether the policy is evaluated. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Free labels. */
        public Builder tags(List<String> tags) {
            this.tags = List.copyOf(tags);
            return this;
        }

        /** An Arbiter CEL expression AND-ed with the conditions. */
        public Builder expression(@Nullable String expression) {
            this.expression = expression;
            return this;
        }

        /** {@code enforce} or {@code shadow}: a shadow policy is evaluated and reported but never decides. */
        public Builder mode(@Nullable String mode) {
            this.mode = mode;
            return this;
        }

        /** The request. */
        public TenantPolicyRequest build() {
            return new TenantPolicyRequest(
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
    }
}
