package dev.arbiter.server.policy;

import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicySet;
import dev.arbiter.store.Policies;
import dev.arbiter.store.StoredPolicy;
import dev.arbiter.store.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's compiled dynamic {@link PolicySet}: its own enabled policies plus the global ones.
 *
 * <p>A compiled set is cached with the store's policy-set versions of the tenant and of {@code global}. Every
 * call reads both versions (one statement, in the caller's transaction) and recompiles when either
 * changed. Every policy write raises its tenant's version in the writing transaction, so the first gate that
 * starts after a change commits, on this replica or any other sharing the database, uses the new policies:
 * there is no time-to-live window. A stored policy the core rejects is skipped and logged (the API and the
 * policy file validate before storing). Thread-safe: a race compiles twice and keeps either result.
 */
public final class PolicySets {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySets.class);

    /**
     * A tenant's compiled policies and the versions they were compiled at.
     *
     * @param tenantVersion the tenant's policy-set version
     * @param globalVersion the global policy-set version
     * @param set the compiled set
     * @param tenantPolicies the tenant's own enabled policies, as evaluated
     * @param globalPolicies the global enabled policies, as evaluated (those shadowed by a tenant id excluded)
     */
    public record Snapshot(
            long tenantVersion,
            long globalVersion,
            PolicySet set,
            List<Policy> tenantPolicies,
            List<Policy> globalPolicies) {
        public Snapshot {
            tenantPolicies = List.copyOf(tenantPolicies);
            globalPolicies = List.copyOf(globalPolicies);
        }
    }

    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();

    /** The tenant's current policies, recompiled if any policy of the tenant or global changed. */
    public Snapshot current(Tx tx, String tenant) {
        Policies.SetVersions versions = tx.policies().setVersions(tenant);
        long tenantVersion = versions.tenant();
        long globalVersion = versions.global();
        Snapshot cached = cache.get(tenant);
        if (cached != null && cached.tenantVersion() == tenantVersion && cached.globalVersion() == globalVersion) {
            return cached;
        }
        Map<String, Policy> own = new LinkedHashMap<>();
        for (StoredPolicy stored : tx.policies().listEnabled(tenant)) {
            parse(stored).ifPresent(p -> own.putIfAbsent(p.id(), p));
        }
        List<Policy> global = new ArrayList<>();
        if (!tenant.equals(Policies.GLOBAL_TENANT)) {
            for (StoredPolicy stored : tx.policies().listEnabled(Policies.GLOBAL_TENANT)) {
                parse(stored).filter(p -> !own.containsKey(p.id())).ifPresent(global::add);
            }
        }
        List<Policy> all = new ArrayList<>(own.values());
        all.addAll(global);
        Snapshot snapshot =
                new Snapshot(tenantVersion, globalVersion, PolicySet.compile(all), List.copyOf(own.values()), global);
        cache.put(tenant, snapshot);
        LOG.info(
                "tenant={} compiled {} policies (version {}, global version {})",
                tenant,
                all.size(),
                tenantVersion,
                globalVersion);
        return snapshot;
    }

    /**
     * The stored definition as a core policy: its own {@code id} if it has one (file policies keep readable
     * ids; API policies store their UUID), else the row's UUID; enabled as the row says.
     */
    public static Optional<Policy> parse(StoredPolicy stored) {
        try {
            Map<String, Object> definition = PolicyDocuments.readStored(stored.definitionJson());
            boolean hasId = definition.get("id") instanceof String id && !id.isBlank();
            Policy policy = dev.arbiter.core.PolicyParser.parse(definition);
            Policy withId = hasId ? policy : policy.withId(stored.id().toString());
            PolicySet.compile(List.of(withId));
            return Optional.of(withId.withEnabled(stored.enabled()));
        } catch (RuntimeException e) {
            LOG.error(
                    "policy={} tenant={} is invalid and is skipped: {}",
                    stored.id(),
                    stored.tenantId(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
