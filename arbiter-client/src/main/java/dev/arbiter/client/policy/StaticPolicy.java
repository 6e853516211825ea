package dev.arbiter.client.policy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A static (pattern) policy: one RE2 pattern with category, severity and action (contract §2.4).
 *
 * @param id the policy's id
 * @param policyId the stable policy key, e.g. {@code sys_pii_ssn}
 * @param name its name
 * @param category e.g. {@code security-sqli}, {@code pii-us}
 * @param tier {@code system}, {@code organization} or {@code tenant}
 * @param pattern the RE2 pattern
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param description what it is for
 * @param action {@code block}, {@code require_approval}, {@code redact}, {@code warn}, {@code log} or {@code allow}
 * @param priority higher is evaluated first
 * @param enabled whether it is evaluated
 * @param tenantId the owning tenant
 * @param organizationId the owning organisation
 * @param tags free labels; empty when absent
 * @param version increases on each change
 * @param phase {@code request}, {@code response} or {@code both}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record StaticPolicy(
        String id,
        @Nullable String policyId,
        String name,
        @Nullable String category,
        @Nullable String tier,
        @Nullable String pattern,
        @Nullable String severity,
        @Nullable String description,
        @Nullable String action,
        @Nullable Integer priority,
        @Nullable Boolean enabled,
        @Nullable String tenantId,
        @Nullable String organizationId,
        List<String> tags,
        @Nullable Integer version,
        @Nullable String phase,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {
    /** Copies the tags; absent tags are empty. */
    public StaticPolicy {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
