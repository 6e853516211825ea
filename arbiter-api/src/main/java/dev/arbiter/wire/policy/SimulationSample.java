package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One replayed gate whose decision the candidate changes.
 *
 * @param workflowId the workflow
 * @param stepId the step
 * @param decisionId the recorded decision's id
 * @param gatedAt when the gate was recorded
 * @param from the baseline decision
 * @param to the candidate's decision
 * @param baselinePolicyIds enforced matches under the baseline
 * @param candidatePolicyIds enforced matches under the candidate
 */
public record SimulationSample(
        String workflowId,
        String stepId,
        String decisionId,
        Instant gatedAt,
        String from,
        String to,
        List<String> baselinePolicyIds,
        List<String> candidatePolicyIds) {
    /** Checks required fields and copies the lists. */
    public SimulationSample {
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(stepId, "stepId");
        baselinePolicyIds = List.copyOf(baselinePolicyIds);
        candidatePolicyIds = List.copyOf(candidatePolicyIds);
    }
}
