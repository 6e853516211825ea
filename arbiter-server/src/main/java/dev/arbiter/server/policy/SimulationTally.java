package dev.arbiter.server.policy;

import dev.arbiter.core.Decision;
import dev.arbiter.core.PolicyMatch;
import dev.arbiter.store.GateRecord;
import dev.arbiter.wire.policy.DecisionTransition;
import dev.arbiter.wire.policy.PolicyImpact;
import dev.arbiter.wire.policy.SimulationSample;
import dev.arbiter.wire.workflow.GateDecision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates a simulation's comparisons, gate by gate, into the report's counts. A changed decision is
 * charged to one policy: the candidate's deciding policy (the first match whose action is the outcome) when
 * the decision got stricter, the baseline's when it got looser. Not thread-safe; one per simulation.
 */
final class SimulationTally {
    /**
     * One replayed gate.
     *
     * @param record the recorded gate
     * @param baseline the baseline decision
     * @param baselineIds the baseline's enforced matches
     * @param baselineDecision the baseline evaluation, or {@code null} when the baseline is the recorded decision
     * @param candidate the candidate's decision
     * @param candidateDecision the candidate evaluation
     */
    record Gate(
            GateRecord record,
            GateDecision baseline,
            List<String> baselineIds,
            @Nullable Decision baselineDecision,
            GateDecision candidate,
            Decision candidateDecision) {}

    private final int sampleLimit;
    private final Map<String, String> names;
    private final Map<String, String> changes;
    private final Map<String, Impact> impacts = new LinkedHashMap<>();
    private final Map<List<String>, Integer> transitions = new LinkedHashMap<>();
    private final List<SimulationSample> samples = new ArrayList<>();
    private final Set<String> truncatedKeys = new TreeSet<>();
    private int replayed;
    private int decisionsChanged;
    private int matchesChanged;
    private int contextsTruncated;
    private int evaluationErrors;

    /**
     * @param names policy id to name, for every policy of the baseline and the candidate
     * @param changes policy id to {@code added}, {@code changed} or {@code removed}
     */
    SimulationTally(int sampleLimit, Map<String, String> names, Map<String, String> changes) {
        this.sampleLimit = sampleLimit;
        this.names = names;
        this.changes = changes;
        changes.keySet().forEach(this::impact);
    }

    void add(Gate gate, List<String> truncated) {
        replayed++;
        if (!truncated.isEmpty()) {
            contextsTruncated++;
            truncatedKeys.addAll(truncated);
        }
        if (!gate.candidateDecision().errors().isEmpty()) {
            evaluationErrors++;
        }
        List<String> candidateIds = gate.candidateDecision().policyIds();
        Set<String> before = new HashSet<>(gate.baselineIds());
        Set<String> after = new HashSet<>(candidateIds);
        if (!before.equals(after)) {
            matchesChanged++;
        }
        after.stream().filter(id -> !before.contains(id)).forEach(id -> impact(id).newlyMatched++);
        before.stream().filter(id -> !after.contains(id)).forEach(id -> impact(id).noLongerMatched++);
        if (gate.baseline() == gate.candidate()) {
            return;
        }
        decisionsChanged++;
        List<String> key = List.of(gate.baseline().wireName(), gate.candidate().wireName());
        transitions.merge(key, 1, Integer::sum);
        SimulationSample sample = sample(gate, candidateIds);
        if (samples.size() < sampleLimit) {
            samples.add(sample);
        }
        String responsible = responsible(gate, before, after);
        if (responsible != null) {
            Impact impact = impact(responsible);
            impact.decisionsChanged++;
            impact.transitions.merge(key, 1, Integer::sum);
            if (impact.samples.size() < sampleLimit) {
                impact.samples.add(sample);
            }
        }
    }

    int replayed() {
        return replayed;
    }

    int decisionsChanged() {
        return decisionsChanged;
    }

    int matchesChanged() {
        return matchesChanged;
    }

    int contextsTruncated() {
        return contextsTruncated;
    }

    int evaluationErrors() {
        return evaluationErrors;
    }

    List<String> truncatedKeys() {
        return List.copyOf(truncatedKeys);
    }

    List<SimulationSample> samples() {
        return List.copyOf(samples);
    }

    List<DecisionTransition> transitions() {
        return transitions(transitions);
    }

    /** Every policy the candidate touches and every other policy whose matches differ, most impact first. */
    List<PolicyImpact> impacts() {
        return impacts.entrySet().stream()
                .filter(e -> changes.containsKey(e.getKey()) || e.getValue().touched())
                .map(e -> e.getValue().toWire(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), change(e)))
                .sorted(Comparator.comparingInt(PolicyImpact::decisionsChanged)
                        .reversed()
                        .thenComparing(PolicyImpact::policyName))
                .toList();
    }

    private String change(Map.Entry<String, Impact> entry) {
        return changes.getOrDefault(entry.getKey(), "unchanged");
    }

    private @Nullable String responsible(Gate gate, Set<String> before, Set<String> after) {
        boolean stricter = GateDecisions.strictness(gate.candidate()) > GateDecisions.strictness(gate.baseline());
        if (stricter) {
            return deciding(gate.candidateDecision());
        }
        if (gate.baselineDecision() != null) {
            return deciding(gate.baselineDecision());
        }
        // The recorded baseline has ids but no actions: charge a policy the candidate no longer matches.
        return gate.baselineIds().stream()
                .filter(id -> !after.contains(id))
                .findFirst()
                .orElse(gate.baselineIds().isEmpty() ? null : gate.baselineIds().getFirst());
    }

    private static @Nullable String deciding(Decision decision) {
        for (PolicyMatch match : decision.matches()) {
            if (match.action() == decision.outcome()) {
                return match.policyId();
            }
        }
        return null;
    }

    private static SimulationSample sample(Gate gate, List<String> candidateIds) {
        GateRecord r = gate.record();
        return new SimulationSample(
                r.workflowId(),
                r.stepId(),
                r.decisionId(),
                r.gatedAt(),
                gate.baseline().wireName(),
                gate.candidate().wireName(),
                gate.baselineIds(),
                candidateIds);
    }

    private Impact impact(String policyId) {
        return impacts.computeIfAbsent(policyId, id -> new Impact());
    }

    private static List<DecisionTransition> transitions(Map<List<String>, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> new DecisionTransition(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .sorted(Comparator.comparingInt(DecisionTransition::count).reversed())
                .toList();
    }

    /** Counts of one policy. */
    private static final class Impact {
        private int decisionsChanged;
        private int newlyMatched;
        private int noLongerMatched;
        private final Map<List<String>, Integer> transitions = new LinkedHashMap<>();
        private final List<SimulationSample> samples = new ArrayList<>();

        boolean touched() {
            return decisionsChanged + newlyMatched + noLongerMatched > 0;
        }

        PolicyImpact toWire(String id, String name, String change) {
            return new PolicyImpact(
                    id,
                    name,
                    change,
                    decisionsChanged,
                    SimulationTally.transitions(transitions),
                    newlyMatched,
                    noLongerMatched,
                    samples);
        }
    }
}
