package dev.arbiter.store;

import java.util.Objects;

/**
 * A step awaiting approval, with the name of its workflow (for the pending-approvals listing).
 *
 * @param workflowName the workflow's name
 * @param step the step, whose approval status is pending
 */
public record PendingStep(String workflowName, StepRecord step) {
    public PendingStep {
        Objects.requireNonNull(workflowName, "workflowName");
        Objects.requireNonNull(step, "step");
    }
}
