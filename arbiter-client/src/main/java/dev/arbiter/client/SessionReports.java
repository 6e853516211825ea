package dev.arbiter.client;

import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link WorkflowSession} reports to Arbiter besides gates: completed steps and the end of the
 * workflow. In fail-open mode a report Arbiter cannot take (unreachable, 5xx) is logged at WARNING and
 * skipped, so bookkeeping never stops an agent that is allowed to run ungoverned; in fail-closed mode it
 * throws. Stateless apart from the workflow it reports on; thread-safe.
 */
final class SessionReports {
    private static final System.Logger LOG = System.getLogger(WorkflowSession.class.getName());
    private static final int MAX_REASON_CHARS = 1000;

    private final ArbiterClient client;
    private final String workflowId;

    SessionReports(ArbiterClient client, String workflowId) {
        this.client = client;
        this.workflowId = workflowId;
    }

    void stepCompleted(String stepId, MarkStepCompletedRequest request) {
        report("report step " + stepId + " completed", () -> client.markStepCompleted(workflowId, stepId, request));
    }

    /** Completes the workflow, or aborts it when there is a reason; a workflow already ended is left alone. */
    void end(@Nullable String abortReason) {
        String what = (abortReason == null ? "complete" : "abort") + " workflow " + workflowId;
        try {
            report(what, () -> {
                if (abortReason == null) {
                    client.completeWorkflow(workflowId);
                } else {
                    client.abortWorkflow(workflowId, abortReason);
                }
            });
        } catch (WorkflowTerminalException e) {
            // Already ended on the server, e.g. aborted by a rejected approval: nothing left to do.
            LOG.log(Level.DEBUG, "workflow {0} had already ended: {1}", workflowId, e.serverMessage());
        }
    }

    void fail(String reason) {
        report("fail workflow " + workflowId, () -> client.failWorkflow(workflowId, reason));
    }

    /** The abort reason for a recorded failure: its message (or class name), at most 1,000 characters. */
    static String reasonOf(Throwable failure) {
        String message = failure.getMessage();
        String reason =
                message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "...";
    }

    private void report(String what, Runnable call) {
        try {
            call.run();
        } catch (ArbiterUnavailableException | ServerException e) {
            if (client.config().failureMode() == FailureMode.FAIL_CLOSED) {
                throw e;
            }
            LOG.log(Level.WARNING, "could not {0} (fail open, continuing): {1}", what, e.getMessage());
        }
    }
}
