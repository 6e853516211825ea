package dev.arbiter.server.policy;

import dev.arbiter.core.Condition;
import dev.arbiter.core.Policy;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyVersion;
import dev.arbiter.store.StoredPolicy;
import dev.arbiter.wire.policy.PolicyAction;
import dev.arbiter.wire.policy.PolicyCondition;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.PolicyVersionEntry;
import java.util.List;

/** The one place stored dynamic policies become wire resources (STYLE Rule 3). Stateless. */
final class PolicyResources {
    private PolicyResources() {}

    /** The resource of a managed policy; its id is the row's UUID. */
    static PolicyResource of(ManagedPolicy managed) {
        StoredPolicy row = managed.stored();
        Policy policy = PolicyDocuments.fromStored(row.definitionJson()).withEnabled(row.enabled());
        return resource(policy, row, row.version(), row.updatedAt(), managed.updatedBy(), row.deletedAt());
    }

    /** The resource as of {@code version}: its snapshot, stamped with the version's time and author. */
    static PolicyVersionEntry version(StoredPolicy row, PolicyVersion version) {
        Policy policy = PolicyDocuments.fromStored(version.snapshotJson());
        boolean deleted = version.changeType().equals("deleted");
        PolicyResource snapshot = resource(
                policy,
                row,
                version.version(),
                version.changedAt(),
                version.changedBy(),
                deleted ? version.changedAt() : null);
        return new PolicyVersionEntry(
                version.version(),
                snapshot,
                version.changedBy(),
                version.changedAt(),
                version.changeType(),
                version.changeSummary());
    }

    private static PolicyResource resource(
            Policy policy,
            StoredPolicy row,
            int version,
            java.time.Instant updatedAt,
            @org.jspecify.annotations.Nullable String updatedBy,
            java.time.@org.jspecify.annotations.Nullable Instant deletedAt) {
        return new PolicyResource(
                row.id().toString(),
                policy.name(),
                policy.description(),
                policy.type(),
                policy.category(),
                policy.tier(),
                conditions(policy.conditions()),
                policy.actions().stream()
                        .map(a -> new PolicyAction(a.type(), a.config()))
                        .toList(),
                policy.priority(),
                policy.enabled(),
                version,
                row.tenantId(),
                null,
                policy.tags(),
                row.createdAt(),
                updatedAt,
                row.createdBy(),
                updatedBy,
                deletedAt,
                policy.expression(),
                policy.mode().wireName());
    }

    private static List<PolicyCondition> conditions(List<Condition> conditions) {
        return conditions.stream()
                .map(c -> new PolicyCondition(c.field(), c.operator(), c.value()))
                .toList();
    }
}
