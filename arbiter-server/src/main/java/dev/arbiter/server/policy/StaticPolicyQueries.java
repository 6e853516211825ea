package dev.arbiter.server.policy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.arbiter.core.StaticPolicy;
import dev.arbiter.core.StaticPolicySet;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.store.PolicyVersion;
import dev.arbiter.wire.policy.EffectiveStaticPoliciesResponse;
import dev.arbiter.wire.policy.Pagination;
import dev.arbiter.wire.policy.PatternMatch;
import dev.arbiter.wire.policy.PatternTestRequest;
import dev.arbiter.wire.policy.PatternTestResponse;
import dev.arbiter.wire.policy.StaticPolicyListResponse;
import dev.arbiter.wire.policy.StaticPolicyResource;
import dev.arbiter.wire.policy.StaticPolicyVersionEntry;
import dev.arbiter.wire.policy.StaticPolicyVersionsResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads of static policies (contract §2.4): one policy by UUID or readable id (system policies by their
 * {@code sys_*} id), a filtered page of the system tier and the tenant's own, the effective set, version
 * history, and the pattern test. Thread-safe.
 */
public final class StaticPolicyQueries {
    static final String NOT_FOUND = "Policy not found";
    /** Most inputs one pattern test takes. */
    static final int MAX_INPUTS = 100;

    private final Database database;
    private final StaticPolicySets sets;
    private final Clock clock;

    /** Reads over {@code database}; {@code clock} stamps the effective set. */
    public StaticPolicyQueries(Database database, StaticPolicySets sets, Clock clock) {
        this.database = database;
        this.sets = sets;
        this.clock = clock;
    }

    /** One policy: a system one, or the tenant's own. */
    public StaticPolicyResource get(Principal caller, String id) {
        var system = StaticPolicySet.system().find(id);
        if (system.isPresent()) {
            return StaticPolicyResources.system(system.get());
        }
        return database.read(tx ->
                StaticPolicyResources.of(find(tx.managedPolicies(PolicyKind.STATIC), caller.tenant(), id, false)));
    }

    /** A page of the system tier and the tenant's live policies, highest priority first. */
    public StaticPolicyListResponse list(Principal caller, PolicyQuery query) {
        List<StaticPolicyResource> all = all(caller);
        List<StaticPolicyResource> matching = all.stream()
                .filter(p -> PolicyQuery.matches(query.category(), p.category()))
                .filter(p -> PolicyQuery.matches(query.type(), p.severity()))
                .filter(p -> PolicyQuery.matches(query.tier(), p.tier()))
                .filter(p -> PolicyQuery.matches(query.mode(), p.mode()))
                .filter(p -> query.enabled() == null || query.enabled() == p.enabled())
                .filter(p -> query.matchesSearch(p.name(), p.description()))
                .toList();
        int from = (int) Math.min((long) (query.page() - 1) * query.limit(), matching.size());
        int to = Math.min(from + query.limit(), matching.size());
        return new StaticPolicyListResponse(
                matching.subList(from, to), Pagination.of(query.page(), query.limit(), matching.size()));
    }

    /** The static policies in force for the tenant (enforced and shadow), as compiled for checks. */
    public EffectiveStaticPoliciesResponse effective(Principal caller) {
        List<StaticPolicyResource> effective = database.read(tx -> {
            StaticPolicySets.Snapshot snapshot = sets.current(tx, caller.tenant());
            List<String> ids = new ArrayList<>();
            snapshot.enforced().policies().stream()
                    .filter(StaticPolicy::enabled)
                    .forEach(p -> ids.add(p.id()));
            snapshot.shadow().policies().stream().filter(StaticPolicy::enabled).forEach(p -> ids.add(p.id()));
            return all(tx, caller).stream()
                    .filter(p -> ids.contains(p.policyId()))
                    .toList();
        });
        return new EffectiveStaticPoliciesResponse(effective, caller.tenant(), null, clock.instant());
    }

    /** Every version of a tenant policy, newest first; system policies have none. */
    public StaticPolicyVersionsResponse versions(Principal caller, String id) {
        if (StaticPolicySet.system().find(id).isPresent()) {
            return new StaticPolicyVersionsResponse(id, List.of(), 0);
        }
        return database.read(tx -> {
            ManagedPolicies store = tx.managedPolicies(PolicyKind.STATIC);
            ManagedPolicy policy = find(store, caller.tenant(), id, true);
            List<StaticPolicyVersionEntry> entries = new ArrayList<>();
            for (PolicyVersion version :
                    store.versions(caller.tenant(), policy.stored().id())) {
                entries.add(StaticPolicyResources.version(policy.stored(), version));
            }
            return new StaticPolicyVersionsResponse(id, entries, entries.size());
        });
    }

    /** Tries a pattern on inputs; an invalid pattern is answered with {@code valid: false} and the reason. */
    public PatternTestResponse test(PatternTestRequest request) {
        String pattern = request.pattern();
        if (pattern == null || pattern.isEmpty()) {
            throw new PolicyApiException(PolicyApiException.Kind.BAD_REQUEST, "pattern is required");
        }
        List<String> inputs = request.inputs() != null && !request.inputs().isEmpty()
                ? request.inputs()
                : request.input() == null ? List.of() : List.of(request.input());
        if (inputs.size() > MAX_INPUTS) {
            throw new PolicyApiException(
                    PolicyApiException.Kind.BAD_REQUEST, "at most " + MAX_INPUTS + " inputs per test");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            return new PatternTestResponse(
                    false, pattern, inputs, false, List.of(), "invalid regex: " + e.getMessage());
        }
        List<PatternMatch> matches = inputs.stream()
                .map(input -> new PatternMatch(input, compiled.matcher(input).find()))
                .toList();
        boolean any = matches.stream().anyMatch(PatternMatch::matched);
        return new PatternTestResponse(true, pattern, inputs, any, matches, null);
    }

    /** The tenant's policy by UUID or readable id; deleted ones only when {@code includeDeleted}. */
    static ManagedPolicy find(ManagedPolicies store, String tenant, String id, boolean includeDeleted) {
        if (looksLikeUuid(id)) {
            return store.find(tenant, PolicyIds.parse(id))
                    .filter(p -> includeDeleted || !p.isDeleted())
                    .orElseThrow(() -> PolicyApiException.notFound(NOT_FOUND));
        }
        return store.listLive(tenant).stream()
                .filter(p -> StaticPolicyDocuments.fromStored(p.stored().definitionJson())
                        .policy()
                        .id()
                        .equals(id))
                .findFirst()
                .orElseThrow(() -> PolicyApiException.notFound(NOT_FOUND));
    }

    private List<StaticPolicyResource> all(Principal caller) {
        return database.read(tx -> all(tx, caller));
    }

    private static List<StaticPolicyResource> all(dev.arbiter.store.Tx tx, Principal caller) {
        List<StaticPolicyResource> all = new ArrayList<>();
        StaticPolicySet.system().policies().forEach(p -> all.add(StaticPolicyResources.system(p)));
        tx.managedPolicies(PolicyKind.STATIC).listLive(caller.tenant()).stream()
                .map(StaticPolicyResources::of)
                .forEach(all::add);
        all.sort(Comparator.comparingInt(StaticPolicyResource::priority)
                .reversed()
                .thenComparing(StaticPolicyResource::policyId));
        return all;
    }

    private static boolean looksLikeUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
