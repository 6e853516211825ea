package dev.arbiter.client;

import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.StepInfo;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a person to approve a step by polling the workflow ({@code steps[].approval_status}), as the
 * Python LangGraph adapter does. Always fails closed: rejection, expiry, the workflow ending, the
 * deadline, an interrupt, or {@value #MAX_CONSECUTIVE_POLL_FAILURES} failed polls in a row all throw.
 *
 * <p>Polls bypass the circuit breaker, so an open breaker never hides an approval and polling errors
 * never trip it. Stateless.
 */
final class ApprovalWait {
    static final int MAX_CONSECUTIVE_POLL_FAILURES = 5;
    private static final System.Logger LOG = System.getLogger(ApprovalWait.class.getName());

    private ApprovalWait() {}

    static void await(
            ArbiterClient client,
            Clock clock,
            String workflowId,
            String stepId,
            String stepName,
            Duration pollInterval,
            Duration maxWait) {
        Instant deadline = clock.instant().plus(maxWait);
        int failures = 0;
        LOG.log(
                Level.INFO,
                "Arbiter AWAITING APPROVAL of step {0} in workflow {1}; approve via POST /api/v1/workflows/{1}"
                        + "/steps/{0}/approve (poll every {2}, wait at most {3})",
                stepId,
                workflowId,
                pollInterval.toMillis() + " ms",
                maxWait.toMillis() + " ms");
        while (true) {
            try {
                if (approved(client.pollWorkflow(workflowId), workflowId, stepId, stepName)) {
                    return;
                }
                failures = 0;
            } catch (ArbiterUnavailableException | ServerException e) {
                failures++;
                LOG.log(
                        Level.WARNING,
                        "polling the approval of step {0} failed ({1} in a row): {2}",
                        stepId,
                        failures,
                        e.getMessage());
                if (failures >= MAX_CONSECUTIVE_POLL_FAILURES) {
                    throw new ApprovalTimeoutException(
                            "Approval of step '" + stepName + "' could not be confirmed: Arbiter failed " + failures
                                    + " polls in a row; the step must not run",
                            workflowId,
                            stepId,
                            stepName,
                            e);
                }
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new ApprovalTimeoutException(
                        "No approval of step '" + stepName + "' within " + maxWait + "; the step must not run",
                        workflowId,
                        stepId,
                        stepName,
                        null);
            }
            sleep(left.compareTo(pollInterval) < 0 ? left : pollInterval, workflowId, stepId, stepName);
        }
    }

    private static boolean approved(
            WorkflowStatusResponse workflow, String workflowId, String stepId, String stepName) {
        StepInfo step = null;
        if (workflow.steps() != null) {
            for (StepInfo candidate : workflow.steps()) {
                if (stepId.equals(candidate.stepId())) {
                    step = candidate;
                }
            }
        }
        ApprovalStatus status = step == null ? null : step.approvalStatus();
        if (status == ApprovalStatus.APPROVED) {
            return true;
        }
        if (status == ApprovalStatus.REJECTED || status == ApprovalStatus.EXPIRED) {
            throw new ApprovalDeniedException(
                    "Approval of step '" + stepName + "' was " + status.wireName() + "; the step must not run",
                    workflowId,
                    stepId,
                    stepName,
                    status);
        }
        if (workflow.status() != null && workflow.status().isTerminal()) {
            throw new ApprovalDeniedException(
                    "Workflow " + workflowId + " is " + workflow.status().wireName() + " while step '" + stepName
                            + "' awaited approval; the step must not run",
                    workflowId,
                    stepId,
                    stepName,
                    null);
        }
        return false;
    }

    private static void sleep(Duration duration, String workflowId, String stepId, String stepName) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApprovalTimeoutException(
                    "Interrupted while waiting for the approval of step '" + stepName + "'; the step must not run",
                    workflowId,
                    stepId,
                    stepName,
                    e);
        }
    }
}
