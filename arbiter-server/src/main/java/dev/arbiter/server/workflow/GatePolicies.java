package dev.arbiter.server.workflow;

import dev.arbiter.core.Decision;
import dev.arbiter.core.Outcome;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.core.PolicySet;
import dev.arbiter.core.PolicyValidationException;
import dev.arbiter.store.Policies;
import dev.arbiter.store.StoredPolicy;
import dev.arbiter.store.Tx;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.PolicyMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a step gate against the caller's tenant's policies (plus global ones) with the policy
 * core, and maps the core's decision to the contract's three gate decisions and reason strings.
 *
 * <p>Each tenant's compiled {@link PolicySet} is cached with the store's policy-set versions of the
 * tenant and of {@code global}; every gate compares them (one indexed read each) and recompiles when
 * either changed, so a policy written by any replica or by a test applies to the next gate. A stored
 * policy the core rejects is skipped and logged: files and the policy API validate before storing.
 * Thread-safe.
 */
public final class GatePolicies {
    private static final Logger LOG = LoggerFactory.getLogger(GatePolicies.class);

    /** What a gate decided, in wire terms. */
    record Evaluation(
            GateDecision decision,
            String reason,
            List<PolicyMatch> applied,
            List<PolicyMatch> matched,
            List<String> policyIds,
            List<String> shadowPolicyIds,
            int policiesEvaluated) {}

    private record Compiled(long tenantVersion, long globalVersion, PolicySet set) {}

    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    /** Evaluates {@code context} against the tenant's current policies, reading versions through {@code tx}. */
    Evaluation evaluate(Tx tx, String tenant, PolicyContext context) {
        PolicySet set = policySet(tx, tenant);
        Decision decision = set.evaluate(context);
        decision.errors()
                .forEach(error ->
                        LOG.warn("policy={} could not be evaluated for a gate: {}", error.policyId(), error.message()));
        return map(decision);
    }

    static Evaluation map(Decision decision) {
        Outcome outcome = decision.outcome();
        GateDecision gate = switch (outcome) {
            case BLOCK -> GateDecision.BLOCK;
            case REQUIRE_APPROVAL -> GateDecision.REQUIRE_APPROVAL;
            case ALLOW, LOG, WARN, REDACT -> GateDecision.ALLOW;
        };
        String reason = switch (gate) {
            case BLOCK -> orDefault(decision, "Step blocked by policy");
            case REQUIRE_APPROVAL -> orDefault(decision, "Step requires human approval");
            case ALLOW ->
                decision.matched()
                        ? decision.reason()
                        : decision.policiesEvaluated() == 0 ? "No policies configured" : Decision.NO_MATCH_REASON;
        };
        List<PolicyMatch> applied = decision.matches().stream()
                .map(m -> new PolicyMatch(
                        m.policyId(),
                        m.policyName(),
                        m.action().wireName(),
                        m.reason(),
                        m.severity(),
                        null,
                        null,
                        null))
                .toList();
        return new Evaluation(
                gate,
                reason,
                applied,
                gate == GateDecision.ALLOW ? List.of() : applied,
                decision.policyIds(),
                decision.shadowPolicyIds(),
                decision.policiesEvaluated());
    }

    private PolicySet policySet(Tx tx, String tenant) {
        long tenantVersion = tx.policies().setVersion(tenant);
        long globalVersion = tx.policies().setVersion(Policies.GLOBAL_TENANT);
        Compiled cached = cache.get(tenant);
        if (cached != null && cached.tenantVersion() == tenantVersion && cached.globalVersion() == globalVersion) {
            return cached.set();
        }
        Map<String, Policy> byId = new LinkedHashMap<>();
        for (StoredPolicy stored : tx.policies().listEnabled(tenant)) {
            parse(stored).ifPresent(p -> byId.putIfAbsent(p.id(), p));
        }
        if (!tenant.equals(Policies.GLOBAL_TENANT)) {
            for (StoredPolicy stored : tx.policies().listEnabled(Policies.GLOBAL_TENANT)) {
                parse(stored).ifPresent(p -> byId.putIfAbsent(p.id(), p));
            }
        }
        PolicySet set = PolicySet.compile(new ArrayList<>(byId.values()));
        cache.put(tenant, new Compiled(tenantVersion, globalVersion, set));
        LOG.info(
                "tenant={} compiled {} policies (version {}, global version {})",
                tenant,
                set.size(),
                tenantVersion,
                globalVersion);
        return set;
    }

    /** The stored definition as a core policy; its own {@code id} if it has one, else the stored UUID. */
    static java.util.Optional<Policy> parse(StoredPolicy stored) {
        try {
            Map<String, Object> definition = new LinkedHashMap<>(JsonText.map(stored.definitionJson()));
            boolean hasId = definition.get("id") instanceof String id && !id.isBlank();
            Policy policy = PolicyParser.parse(definition);
            policy = hasId ? policy : policy.withId(stored.id().toString());
            PolicySet.compile(List.of(policy));
            return java.util.Optional.of(policy.withEnabled(stored.enabled()));
        } catch (PolicyValidationException | IllegalStateException e) {
            LOG.error(
                    "policy={} tenant={} is invalid and is skipped: {}",
                    stored.id(),
                    stored.tenantId(),
                    e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * The deciding policy's own reason, or the contract's wording when the policy gave none (the core
     * then reports {@code Matched policy '<name>'}, which says less than the contract's sentence).
     */
    private static String orDefault(Decision decision, String fallback) {
        String reason = decision.reason();
        for (dev.arbiter.core.PolicyMatch match : decision.matches()) {
            if (match.action() == decision.outcome()) {
                boolean generated = reason.equals("Matched policy '" + match.policyName() + "'");
                return reason.isBlank() || generated ? fallback : reason;
            }
        }
        return fallback;
    }
}
