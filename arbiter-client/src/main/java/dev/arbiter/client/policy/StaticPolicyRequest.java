package dev.arbiter.client.policy;

import dev.arbiter.wire.policy.StaticPolicyResource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body to create or replace a static (pattern) policy (contract §2.4). The server checks that the pattern is
 * a valid RE2 expression (400 otherwise) and refuses the {@code system} tier (403). Unset members are not
 * sent, so the server applies its defaults (severity {@code medium}, phase {@code both}, priority 50,
 * enabled).
 *
 * @param name required
 * @param pattern required, RE2 syntax
 * @param category required, e.g. {@code security-sqli}; not {@code dynamic-*}
 * @param action required: {@code block}, {@code require_approval}, {@code redact}, {@code warn},
 *     {@code log} or {@code allow}
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param description what it is for
 * @param tier {@code tenant} (default) or {@code organization} (enterprise mode)
 * @param priority higher is evaluated first
 * @param enabled whether it is evaluated
 * @param tags free labels
 * @param phase {@code request}, {@code response} or {@code both}
 * @param metadata free facts
 * @param mode {@code enforce} or {@code shadow}
 */
public record StaticPolicyRequest(
        String name,
        String pattern,
        String category,
        String action,
        @Nullable String severity,
        @Nullable String description,
        @Nullable String tier,
        @Nullable Integer priority,
        @Nullable Boolean enabled,
        @Nullable List<String> tags,
        @Nullable String phase,
        @Nullable Map<String, @Nullable Object> metadata,
        @Nullable String mode) {
    /** Checks the required fields and copies the collections. */
    public StaticPolicyRequest {
        PolicyMembers.require(name, "name");
        PolicyMembers.require(pattern, "pattern");
        PolicyMembers.require(category, "category");
        PolicyMembers.require(action, "action");
        tags = PolicyMembers.copyOf(tags);
        metadata = metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A request with the four required fields. */
    public static StaticPolicyRequest of(String name, String pattern, String category, String action) {
        return builder(name, pattern, category, action).build();
    }

    /** A builder starting from the four required fields. */
    public static Builder builder(String name, String pattern, String category, String action) {
        return new Builder(name, pattern, category, action);
    }

    /** A builder holding every writable member of a stored policy, e.g. to change one and update it. */
    public static Builder from(StaticPolicyResource policy) {
        return new Builder(policy.name(), policy.pattern(), policy.category(), policy.action())
                .severity(policy.severity())
                .description(policy.description())
                .tier(policy.tier())
                .priority(policy.priority())
                .enabled(policy.enabled())
                .tags(policy.tags())
                .phase(policy.phase())
                .metadata(policy.metadata())
                .mode(policy.mode());
    }

    /** Collects a static policy. Not thread-safe. */
    public static final class Builder extends PolicyMembers<Builder> {
        private final String name;
        private String pattern;
        private final String category;
        private String action;
        private @Nullable String severity;
        private @Nullable String phase;
        private @Nullable Map<String, @Nullable Object> metadata;

        private Builder(String name, String pattern, String category, String action) {
            this.name = name;
            this.pattern = pattern;
            this.category = category;
            this.action = action;
        }

        @Override
        Builder self() {
            return this;
        }

        /** A new pattern, RE2 syntax. */
        public Builder pattern(String pattern) {
            this.pattern = pattern;
            return this;
        }

        /** A new action. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** {@code critical}, {@code high}, {@code medium} or {@code low}. */
        public Builder severity(@Nullable String severity) {
            this.severity = severity;
            return this;
        }

        /** {@code request}, {@code response} or {@code both}. */
        public Builder phase(@Nullable String phase) {
            this.phase = phase;
            return this;
        }

        /** Free facts. */
        public Builder metadata(@Nullable Map<String, ? extends @Nullable Object> metadata) {
            this.metadata = metadata == null ? null : new LinkedHashMap<>(metadata);
            return this;
        }

        /** The request, checked. */
        public StaticPolicyRequest build() {
            return new StaticPolicyRequest(
                    name,
                    pattern,
                    category,
                    action,
                    severity,
                    description,
                    tier,
                    priority,
                    enabled,
                    tags,
                    phase,
                    metadata,
                    mode);
        }
    }
}
