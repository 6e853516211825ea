package dev.arbiter.server.policy;

import dev.arbiter.core.StaticPolicy;
import dev.arbiter.core.StaticPolicySet;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each tenant's compiled static policies: the system tier plus the tenant's own enabled policies, with the
 * shadow-mode ones compiled apart so that a check can report them without enforcing them.
 *
 * <p>Cached with the tenant's policy-set version, which every static or dynamic policy change raises; each
 * call reads it (one indexed read) and recompiles when it moved, so a change applies to the next check on
 * every replica. Thread-safe.
 */
public final class StaticPolicySets {
    private static final Logger LOG = LoggerFactory.getLogger(StaticPolicySets.class);

    /**
     * A tenant's static policies at one version.
     *
     * @param version the tenant's policy-set version
     * @param enforced system and enforced tenant policies
     * @param shadow the tenant's shadow-mode policies
     */
    public record Snapshot(long version, StaticPolicySet enforced, StaticPolicySet shadow) {}

    private final Map<String, Snapshot> cache = new ConcurrentHashMap<>();

    /** The tenant's current static policies, recompiled if any policy of the tenant changed. */
    public Snapshot current(Tx tx, String tenant) {
        long version = tx.policies().setVersion(tenant);
        Snapshot cached = cache.get(tenant);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        List<StaticPolicy> enforced = new ArrayList<>();
        List<StaticPolicy> shadow = new ArrayList<>();
        for (ManagedPolicy managed : tx.managedPolicies(PolicyKind.STATIC).listLive(tenant)) {
            try {
                StaticDefinition d =
                        StaticPolicyDocuments.fromStored(managed.stored().definitionJson());
                (d.shadow() ? shadow : enforced).add(d.policy());
            } catch (RuntimeException e) {
                LOG.error(
                        "static policy={} tenant={} is invalid and is skipped",
                        managed.stored().id(),
                        tenant,
                        e);
            }
        }
        Snapshot snapshot =
                new Snapshot(version, StaticPolicySet.system().plus(enforced), StaticPolicySet.compile(shadow));
        cache.put(tenant, snapshot);
        return snapshot;
    }
}
