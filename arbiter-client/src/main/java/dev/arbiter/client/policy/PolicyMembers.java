package dev.arbiter.client.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The optional members both policy bodies have ({@link TenantPolicyRequest.Builder},
 * {@link StaticPolicyRequest.Builder}), so that each builder adds only its own: the static policy's pattern
 * and phase, the tenant policy's conditions and expression. Unset members are not sent. Not thread-safe.
 *
 * @param <B> the builder itself, returned by every setter
 */
abstract class PolicyMembers<B extends PolicyMembers<B>> {
    @Nullable
    String description;

    @Nullable
    String tier;

    @Nullable
    Integer priority;

    @Nullable
    Boolean enabled;

    @Nullable
    List<String> tags;

    @Nullable
    String mode;

    PolicyMembers() {}

    /** Refuses a missing or blank required member, naming it. */
    static void require(@Nullable String value, String member) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(member + " is required");
        }
    }

    /** An immutable copy, or null (not sent) for null. */
    static <T> @Nullable List<T> copyOf(@Nullable List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    abstract B self();

    /** What the policy is for. */
    public B description(@Nullable String description) {
        this.description = description;
        return self();
    }

    /** {@code tenant} or {@code organization}. */
    public B tier(@Nullable String tier) {
        this.tier = tier;
        return self();
    }

    /** Higher is evaluated first. */
    public B priority(@Nullable Integer priority) {
        this.priority = priority;
        return self();
    }

    /** Whether the policy is evaluated. */
    public B enabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
        return self();
    }

    /** Free labels. */
    public B tags(@Nullable List<String> tags) {
        this.tags = copyOf(tags);
        return self();
    }

    /** {@code enforce} or {@code shadow}: a shadow policy is evaluated and reported but never decides. */
    public B mode(@Nullable String mode) {
        this.mode = mode;
        return self();
    }
}
