package dev.arbiter.wire.policy;

import java.util.List;
import java.util.Objects;

/**
 * What one policy does to the replayed gates. A changed decision is charged to the policy that decides it: the
 * candidate's deciding policy when the decision got stricter, the baseline's when it got looser.
 *
 * @param policyId the policy's id
 * @param policyName the policy's name
 * @param change {@code added}, {@code changed}, {@code removed} or {@code unchanged} in the candidate
 * @param decisionsChanged gates whose decision this policy changes
 * @param transitions those changes, by from and to
 * @param newlyMatched gates it matches under the candidate and not under the baseline
 * @param noLongerMatched gates it matches under the baseline and not under the candidate
 * @param samples some of the changed gates
 */
public record PolicyImpact(
        String policyId,
        String policyName,
        String change,
        int decisionsChanged,
        List<DecisionTransition> transitions,
        int newlyMatched,
        int noLongerMatched,
        List<SimulationSample> samples) {
    /** Checks required fields and copies the lists. */
    public PolicyImpact {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(change, "change");
        transitions = List.copyOf(transitions);
        samples = List.copyOf(samples);
    }
}
