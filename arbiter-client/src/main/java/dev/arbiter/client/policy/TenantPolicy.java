package dev.arbiter.client.policy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant (dynamic) policy as the server stores it: the contract's {@code PolicyResource} (§2.1).
 *
 * @param id the policy's id
 * @param name its name
 * @param description what it is for
 * @param type {@code content}, {@code user}, {@code risk}, {@code cost} or {@code media}
 * @param category starts with {@code dynamic-}, e.g. {@code dynamic-security}
 * @param tier {@code tenant}, {@code organization} or {@code system}
 * @param conditions AND-ed conditions; empty when absent
 * @param actions what happens when it matches; empty when absent
 * @param priority higher is listed and evaluated first
 * @param enabled whether it is evaluated
 * @param version increases on each change
 * @param tenantId the owning tenant
 * @param organizationId the owning organisation, if any
 * @param tags free labels; empty when absent
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param createdBy who created it
 * @param updatedBy who last changed it
 * @param expression an Arbiter CEL expression AND-ed with the conditions, if any
 * @param mode Arbiter's {@code enforce} or {@code shadow} (evaluated and reported, never deciding)
 */
public record TenantPolicy(
        String id,
        String name,
        @Nullable String description,
        @Nullable String type,
        @Nullable String category,
        @Nullable String tier,
        List<PolicyCondition> conditions,
        List<PolicyAction> actions,
        @Nullable Integer priority,
        @Nullable Boolean enabled,
        @Nullable Integer version,
        @Nullable String tenantId,
        @Nullable String organizationId,
        List<String> tags,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable String createdBy,
        @Nullable String updatedBy,
        @Nullable String expression,
        @Nullable String mode) {
    /** Copies the lists; absent lists are empty. */
    public TenantPolicy {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        actions = actions == null ? List.of() : List.copyOf(actions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
