package dev.arbiter.server.workflow;

import dev.arbiter.core.Decision;
import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicySet;
import dev.arbiter.server.policy.GateDecisions;
import dev.arbiter.server.policy.PolicySets;
import dev.arbiter.store.Tx;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.PolicyMatch;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a step gate against the caller's tenant's policies (plus global ones) with the policy
 * core, and maps the core's decision to the contract's three gate decisions and reason strings.
 *
 * <p>The compiled policies come from {@link PolicySets}, which checks the tenant's and the global
 * policy-set versions at every gate, so a policy written by any replica applies to the next gate.
 * Shadow-mode matches are reported alongside and never change the decision. Thread-safe.
 */
public final class GatePolicies {
    private static final Logger LOG = LoggerFactory.getLogger(GatePolicies.class);

    /** What a gate decided, in wire terms, plus the core decision and the policies it was made with. */
    record Evaluation(
            GateDecision decision,
            String reason,
            List<PolicyMatch> applied,
            List<PolicyMatch> matched,
            List<String> policyIds,
            List<String> shadowPolicyIds,
            int policiesEvaluated,
            List<PolicyMatch> shadowMatches,
            Decision core,
            PolicySets.Snapshot policies) {}

    private final PolicySets sets;

    /** Gate evaluation over the shared compiled policy sets. */
    public GatePolicies(PolicySets sets) {
        this.sets = sets;
    }

    /** Evaluates {@code context} against the tenant's current policies, reading versions through {@code tx}. */
    Evaluation evaluate(Tx tx, String tenant, PolicyContext context) {
        PolicySets.Snapshot snapshot = sets.current(tx, tenant);
        Decision decision = snapshot.set().evaluate(context);
        decision.errors()
                .forEach(error ->
                        LOG.warn("policy={} could not be evaluated for a gate: {}", error.policyId(), error.message()));
        return map(decision, snapshot);
    }

    /** As {@link #map(Decision, PolicySets.Snapshot)} for a decision made outside any stored policy set. */
    static Evaluation map(Decision decision) {
        return map(decision, new PolicySets.Snapshot(0, 0, PolicySet.empty(), List.of(), List.of()));
    }

    static Evaluation map(Decision decision, PolicySets.Snapshot snapshot) {
        GateDecision gate = GateDecisions.of(decision.outcome());
        String reason = switch (gate) {
            case BLOCK -> orDefault(decision, "Step blocked by policy");
            case REQUIRE_APPROVAL -> orDefault(decision, "Step requires human approval");
            case ALLOW ->
                decision.matched()
                        ? decision.reason()
                        : decision.policiesEvaluated() == 0 ? "No policies configured" : Decision.NO_MATCH_REASON;
        };
        List<PolicyMatch> applied = wire(decision.matches());
        return new Evaluation(
                gate,
                reason,
                applied,
                gate == GateDecision.ALLOW ? List.of() : applied,
                decision.policyIds(),
                decision.shadowPolicyIds(),
                decision.policiesEvaluated(),
                wire(decision.shadowMatches()),
                decision,
                snapshot);
    }

    private static List<PolicyMatch> wire(List<dev.arbiter.core.PolicyMatch> matches) {
        return matches.stream()
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
