package dev.arbiter.server.policy;

import dev.arbiter.core.StaticPolicy;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.Policies;
import dev.arbiter.store.PolicyVersion;
import dev.arbiter.store.StoredPolicy;
import dev.arbiter.wire.policy.StaticPolicyResource;
import dev.arbiter.wire.policy.StaticPolicyVersionEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one place static policies become wire resources (STYLE Rule 3). Stateless. */
final class StaticPolicyResources {
    private StaticPolicyResources() {}

    /** A tenant's stored policy; its id is the row's UUID. */
    static StaticPolicyResource of(ManagedPolicy managed) {
        StoredPolicy row = managed.stored();
        StaticDefinition d = StaticPolicyDocuments.fromStored(row.definitionJson());
        return resource(d, row, row.version(), row.updatedAt(), managed.updatedBy(), row.deletedAt());
    }

    /** A version of a tenant's policy. */
    static StaticPolicyVersionEntry version(StoredPolicy row, PolicyVersion version) {
        StaticDefinition d = StaticPolicyDocuments.fromStored(version.snapshotJson());
        boolean deleted = version.changeType().equals("deleted");
        StaticPolicyResource snapshot = resource(
                d,
                row,
                version.version(),
                version.changedAt(),
                version.changedBy(),
                deleted ? version.changedAt() : null);
        return new StaticPolicyVersionEntry(
                version.version(),
                snapshot,
                version.changedBy(),
                version.changedAt(),
                version.changeType(),
                version.changeSummary());
    }

    /** A system-tier policy shipped with Arbiter: read-only, owned by {@code global}, never versioned. */
    static StaticPolicyResource system(StaticPolicy p) {
        return new StaticPolicyResource(
                p.id(),
                p.id(),
                p.name(),
                p.description(),
                p.category(),
                p.tier().wireName(),
                p.pattern(),
                p.severity().wireName(),
                p.action().wireName(),
                p.priority(),
                p.enabled(),
                null,
                Policies.GLOBAL_TENANT,
                List.of(),
                Map.of(),
                1,
                null,
                null,
                "system",
                "system",
                null,
                p.phase().wireName(),
                "enforce");
    }

    @SuppressWarnings("unchecked")
    private static StaticPolicyResource resource(
            StaticDefinition d,
            StoredPolicy row,
            int version,
            Instant updatedAt,
            @Nullable String updatedBy,
            @Nullable Instant deletedAt) {
        Map<String, Object> c = d.canonical();
        StaticPolicy p = d.policy();
        return new StaticPolicyResource(
                row.id().toString(),
                p.id(),
                p.name(),
                p.description(),
                p.category(),
                p.tier().wireName(),
                p.pattern(),
                p.severity().wireName(),
                p.action().wireName(),
                p.priority(),
                p.enabled(),
                null,
                row.tenantId(),
                (List<String>) c.get("tags"),
                (Map<String, Object>) c.get("metadata"),
                version,
                row.createdAt(),
                updatedAt,
                row.createdBy(),
                updatedBy,
                deletedAt,
                p.phase().wireName(),
                d.mode());
    }
}
