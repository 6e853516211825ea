package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/v1/policies/simulate}: how the candidate would have decided the recorded gates,
 * compared with the baseline.
 *
 * @param from the window's start, when a window was replayed
 * @param to the window's end, when a window was replayed
 * @param workflowIds the workflows replayed, when chosen by workflow
 * @param baseline {@code current} or {@code recorded}
 * @param gatesReplayed how many recorded gates were evaluated
 * @param limited true when the window held more gates than the limit; the oldest ones were replayed
 * @param decisionsChanged gates whose gate decision differs
 * @param matchesChanged gates whose set of matching policies differs (decision changed or not)
 * @param transitions the changed decisions, by from and to, most frequent first
 * @param policies per-policy impact: every policy the candidate adds, changes or removes, and every other
 *     policy whose matches differ
 * @param samples some of the changed gates, oldest first
 * @param contextsTruncated replayed gates whose recorded context lost values too large to keep; policies on
 *     those keys see them as missing
 * @param truncatedKeys the context keys that lost values, sorted
 * @param evaluationErrors gates where a policy's CEL expression failed under the candidate
 * @param added ids of the policies the candidate adds
 * @param changed ids of the policies the candidate changes
 * @param removed ids of the policies the candidate removes
 */
public record SimulationReport(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable List<String> workflowIds,
        String baseline,
        int gatesReplayed,
        boolean limited,
        int decisionsChanged,
        int matchesChanged,
        List<DecisionTransition> transitions,
        List<PolicyImpact> policies,
        List<SimulationSample> samples,
        int contextsTruncated,
        List<String> truncatedKeys,
        int evaluationErrors,
        List<String> added,
        List<String> changed,
        List<String> removed) {
    /** Checks required fields and copies the lists. */
    public SimulationReport {
        Objects.requireNonNull(baseline, "baseline");
        workflowIds = workflowIds == null ? null : List.copyOf(workflowIds);
        transitions = List.copyOf(transitions);
        policies = List.copyOf(policies);
        samples = List.copyOf(samples);
        truncatedKeys = List.copyOf(truncatedKeys);
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
