package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's dynamic policy as stored. The definition is the canonical policy JSON (conditions, actions,
 * optional expression); parsing and validation belong to the core and the API.
 *
 * @param id UUID
 * @param tenantId owning tenant ({@value Policies#GLOBAL_TENANT} for policies that apply to every tenant)
 * @param name unique among the tenant's live policies
 * @param definitionJson canonical policy JSON
 * @param enabled whether it is evaluated
 * @param priority higher first in listings
 * @param mode {@code enforce} or {@code monitor}
 * @param version 1 at creation, +1 per change
 * @param createdBy who created it, or {@code null}
 * @param createdAt creation time
 * @param updatedAt last change
 * @param deletedAt soft-deletion time, or {@code null}
 */
public record StoredPolicy(
        UUID id,
        String tenantId,
        String name,
        String definitionJson,
        boolean enabled,
        int priority,
        String mode,
        int version,
        @Nullable String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {
    public StoredPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionJson, "definitionJson");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }
}
