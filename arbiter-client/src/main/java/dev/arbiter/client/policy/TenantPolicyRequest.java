package dev.arbiter.client.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.policy.PolicyAction;
import dev.arbiter.wire.policy.PolicyCondition;
import dev.arbiter.wire.policy.PolicyResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body to create or update a tenant (dynamic) policy in the canonical form (contract §2.1). Build one with
 * {@link #builder(String)}, or start from a stored policy with {@link #from(PolicyResource)}. Unset members
 * are not sent: on create the server applies its defaults, on update ({@code PUT}) it keeps the current
 * values, so an update that only sets a priority leaves the conditions alone.
 *
 * @param name required
 * @param description what it is for
 * @param type {@code content}, {@code user}, {@code risk}, {@code cost} or {@code media}
 * @param category must start with {@code dynamic-}, e.g. {@code dynamic-security}
 * @param tier {@code tenant} (default) or {@code organization} (enterprise mode); {@code system} is refused
 * @param conditions AND-ed conditions; not sent when null
 * @param actions what happens when it matches; not sent when null
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
        @Nullable List<PolicyCondition> conditions,
        @Nullable List<PolicyAction> actions,
        @Nullable Integer priority,
        @Nullable Boolean enabled,
        @Nullable List<String> tags,
        @Nullable String expression,
        @Nullable String mode) {
    /** Checks the name and copies the lists. */
    public TenantPolicyRequest {
        PolicyMembers.require(name, "name");
        conditions = PolicyMembers.copyOf(conditions);
        actions = PolicyMembers.copyOf(actions);
        tags = PolicyMembers.copyOf(tags);
    }

    private static final TypeReference<Map<String, @Nullable Object>> DOCUMENT = new TypeReference<>() {};

    /** A builder for a policy with this name. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A builder holding every member of a stored policy, e.g. to change one thing and {@code update} it:
     * {@code TenantPolicyRequest.from(policy).priority(90).build()}.
     */
    public static Builder from(PolicyResource policy) {
        return new Builder(policy.name())
                .description(policy.description())
                .type(policy.type())
                .category(policy.category())
                .tier(policy.tier())
                .conditions(policy.conditions())
                .actions(policy.actions())
                .priority(policy.priority())
                .enabled(policy.enabled())
                .tags(policy.tags())
                .expression(policy.expression())
                .mode(policy.mode());
    }

    /**
     * This policy as a JSON document (snake_case members, unset ones left out), the form in which import and
     * simulation take policies.
     */
    public Map<String, @Nullable Object> toDocument() {
        return Json.mapper().convertValue(this, DOCUMENT);
    }

    /** Collects a policy. Not thread-safe. */
    public static final class Builder extends PolicyMembers<Builder> {
        private String name;
        private @Nullable String type;
        private @Nullable String category;
        private @Nullable List<PolicyCondition> conditions;
        private @Nullable List<PolicyAction> actions;
        private @Nullable String expression;

        private Builder(String name) {
            this.name = name;
        }

        @Override
        Builder self() {
            return this;
        }

        /** A new name (renames the policy on update). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** {@code content}, {@code user}, {@code risk}, {@code cost} or {@code media}. */
        public Builder type(@Nullable String type) {
            this.type = type;
            return this;
        }

        /** Must start with {@code dynamic-}, e.g. {@code dynamic-security}. */
        public Builder category(@Nullable String category) {
            this.category = category;
            return this;
        }

        /** Adds a condition: {@code when("model", "equals", "gpt-4")}. */
        public Builder when(String field, String operator, @Nullable Object value) {
            if (conditions == null) {
                conditions = new ArrayList<>();
            }
            conditions.add(new PolicyCondition(field, operator, value));
            return this;
        }

        /** Replaces the conditions; an empty list is sent as such, null is not sent. */
        public Builder conditions(@Nullable List<PolicyCondition> conditions) {
            this.conditions = conditions == null ? null : new ArrayList<>(conditions);
            return this;
        }

        /** Adds an action. */
        public Builder action(PolicyAction action) {
            if (actions == null) {
                actions = new ArrayList<>();
            }
            actions.add(action);
            return this;
        }

        /** Adds an action with a reason, the common case: {@code action("block", "GPT-4 not allowed")}. */
        public Builder action(String type, String reason) {
            return action(new PolicyAction(type, Map.of("reason", reason)));
        }

        /** Replaces the actions; null is not sent. */
        public Builder actions(@Nullable List<PolicyAction> actions) {
            this.actions = actions == null ? null : new ArrayList<>(actions);
            return this;
        }

        /** An Arbiter CEL expression AND-ed with the conditions. */
        public Builder expression(@Nullable String expression) {
            this.expression = expression;
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
