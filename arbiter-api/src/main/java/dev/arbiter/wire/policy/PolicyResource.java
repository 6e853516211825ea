package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A dynamic policy as the API shows it (contract §2.1 {@code PolicyResource}), always in canonical form, plus
 * Arbiter's {@code expression} (CEL) and {@code mode} ({@code enforce} or {@code shadow}).
 *
 * @param id the policy's UUID; also the id gate decisions report
 * @param name unique among the tenant's live policies
 * @param description free text
 * @param type {@code content}, {@code user}, {@code risk}, {@code cost} or {@code media}
 * @param category starts with {@code dynamic-}
 * @param tier {@code tenant}, {@code organization} or {@code system}
 * @param conditions AND-ed conditions
 * @param actions what a match asks for
 * @param priority higher first in listings
 * @param enabled disabled policies are kept but never evaluated
 * @param version 1 at creation, +1 per change
 * @param tenantId owning tenant ({@code global} for policies that apply to every tenant)
 * @param organizationId the organization, when the tier is {@code organization}
 * @param tags free labels
 * @param createdAt creation time
 * @param updatedAt time of the current version
 * @param createdBy who created it
 * @param updatedBy who made the current version
 * @param deletedAt deletion time, in version snapshots of a deleted policy
 * @param expression optional CEL boolean expression
 * @param mode {@code enforce} or {@code shadow}
 */
public record PolicyResource(
        String id,
        String name,
        String description,
        String type,
        String category,
        String tier,
        List<PolicyCondition> conditions,
        List<PolicyAction> actions,
        int priority,
        boolean enabled,
        int version,
        String tenantId,
        @Nullable String organizationId,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String createdBy,
        @Nullable String updatedBy,
        @Nullable Instant deletedAt,
        @Nullable String expression,
        String mode) {
    /** Checks required fields and copies the lists. */
    public PolicyResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
        tags = List.copyOf(tags);
    }
}
