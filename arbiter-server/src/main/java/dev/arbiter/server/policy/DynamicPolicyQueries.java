package dev.arbiter.server.policy;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.Policies;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.store.PolicyVersion;
import dev.arbiter.wire.policy.EffectivePoliciesResponse;
import dev.arbiter.wire.policy.ExportPoliciesResponse;
import dev.arbiter.wire.policy.Pagination;
import dev.arbiter.wire.policy.PolicyListResponse;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.PolicyVersionEntry;
import dev.arbiter.wire.policy.PolicyVersionsResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads of a tenant's dynamic policies: one policy, a filtered page, the effective set, an export and the
 * version history. Another tenant's policy is a 404, as a missing one. Thread-safe.
 */
public final class DynamicPolicyQueries {
    private final Database database;
    private final Clock clock;

    /** Reads over {@code database}; {@code clock} stamps exports. */
    public DynamicPolicyQueries(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One live policy. */
    public PolicyResource get(Principal caller, String id) {
        UUID uuid = PolicyIds.parse(id);
        return database.read(tx -> tx.managedPolicies(PolicyKind.DYNAMIC)
                .find(caller.tenant(), uuid)
                .filter(p -> !p.isDeleted())
                .map(PolicyResources::of)
                .orElseThrow(() -> PolicyApiException.notFound(DynamicPolicyService.NOT_FOUND)));
    }

    /** A page of the tenant's live policies, by priority (highest first), then age. */
    public PolicyListResponse list(Principal caller, PolicyQuery query) {
        List<PolicyResource> all =
                database.read(tx -> tx.managedPolicies(PolicyKind.DYNAMIC).listLive(caller.tenant()).stream()
                        .map(PolicyResources::of)
                        .toList());
        List<PolicyResource> matching = all.stream()
                .filter(p -> PolicyQuery.matches(query.category(), p.category()))
                .filter(p -> PolicyQuery.matches(query.type(), p.type()))
                .filter(p -> PolicyQuery.matches(query.tier(), p.tier()))
                .filter(p -> PolicyQuery.matches(query.mode(), p.mode()))
                .filter(p -> query.enabled() == null || query.enabled() == p.enabled())
                .filter(p -> query.matchesSearch(p.name(), p.description()))
                .toList();
        int from = (int) Math.min((long) (query.page() - 1) * query.limit(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new PolicyListResponse(
                matching.subList(from, to), Pagination.of(query.page(), query.limit(), matching.size()));
    }

    /** The enabled policies that apply to the tenant, its own and global ones, highest priority first. */
    public EffectivePoliciesResponse effective(Principal caller) {
        return database.read(tx -> {
            ManagedPolicies store = tx.managedPolicies(PolicyKind.DYNAMIC);
            List<PolicyResource> policies = new ArrayList<>();
            store.listLive(caller.tenant()).stream()
                    .filter(p -> p.stored().enabled())
                    .map(PolicyResources::of)
                    .forEach(policies::add);
            if (!caller.tenant().equals(Policies.GLOBAL_TENANT)) {
                store.listLive(Policies.GLOBAL_TENANT).stream()
                        .filter(p -> p.stored().enabled())
                        .map(PolicyResources::of)
                        .forEach(policies::add);
            }
            policies.sort(Comparator.comparingInt(PolicyResource::priority).reversed());
            Policies.SetVersions versions = tx.policies().setVersions(caller.tenant());
            return new EffectivePoliciesResponse(policies, versions.tenant(), versions.global());
        });
    }

    /** Every live policy of the tenant, in a form {@code import} accepts as it is. */
    public ExportPoliciesResponse export(Principal caller) {
        List<PolicyResource> policies =
                database.read(tx -> tx.managedPolicies(PolicyKind.DYNAMIC).listLive(caller.tenant()).stream()
                        .map(PolicyResources::of)
                        .toList());
        return new ExportPoliciesResponse(policies, clock.instant(), caller.tenant());
    }

    /** Every version of the policy, newest first; a deleted policy keeps its history. */
    public PolicyVersionsResponse versions(Principal caller, String id) {
        UUID uuid = PolicyIds.parse(id);
        return database.read(tx -> {
            ManagedPolicies store = tx.managedPolicies(PolicyKind.DYNAMIC);
            ManagedPolicy policy = store.find(caller.tenant(), uuid)
                    .orElseThrow(() -> PolicyApiException.notFound(DynamicPolicyService.NOT_FOUND));
            List<PolicyVersionEntry> entries = new ArrayList<>();
            for (PolicyVersion version : store.versions(caller.tenant(), uuid)) {
                entries.add(PolicyResources.version(policy.stored(), version));
            }
            return new PolicyVersionsResponse(entries);
        });
    }
}
