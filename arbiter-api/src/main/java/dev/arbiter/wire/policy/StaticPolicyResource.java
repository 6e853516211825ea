package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A static (pattern) policy as the API shows it (contract §2.4).
 *
 * @param id the policy's UUID, or its readable id for system policies
 * @param policyId the readable id, e.g. {@code sys_pii_ssn} or a slug of the name
 * @param name unique among the tenant's live static policies
 * @param description free text
 * @param category e.g. {@code pii-us}, {@code security-sqli}
 * @param tier {@code system} (read-only), {@code organization} or {@code tenant}
 * @param pattern an RE2 regular expression
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param action {@code block}, {@code require_approval}, {@code redact}, {@code warn}, {@code log} or {@code allow}
 * @param priority higher first
 * @param enabled disabled policies are kept but never evaluated
 * @param organizationId the organization, when the tier is {@code organization}
 * @param tenantId owning tenant ({@code global} for system policies)
 * @param tags free labels
 * @param metadata free facts
 * @param version 1 at creation, +1 per change
 * @param createdAt creation time
 * @param updatedAt time of the current version
 * @param createdBy who created it
 * @param updatedBy who made the current version
 * @param deletedAt deletion time, in version snapshots of a deleted policy
 * @param phase {@code request}, {@code response} or {@code both}
 * @param mode {@code enforce} or {@code shadow}
 */
public record StaticPolicyResource(
        String id,
        String policyId,
        String name,
        String description,
        String category,
        String tier,
        String pattern,
        String severity,
        String action,
        int priority,
        boolean enabled,
        @Nullable String organizationId,
        String tenantId,
        List<String> tags,
        Map<String, @Nullable Object> metadata,
        int version,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable String createdBy,
        @Nullable String updatedBy,
        @Nullable Instant deletedAt,
        String phase,
        String mode) {
    /** Checks required fields and copies the collections. */
    public StaticPolicyResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        tags = List.copyOf(tags);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
