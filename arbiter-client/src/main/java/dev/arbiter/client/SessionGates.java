package dev.arbiter.client;

import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link WorkflowSession} does with a gate answer: go ahead, skip, throw, or wait for a person
 * ({@link ApprovalWait}, which always fails closed). Keeps the step awaiting approval in the session's
 * {@link SessionState}. Thread-safe.
 */
final class SessionGates {
    private static final System.Logger LOG = System.getLogger(WorkflowSession.class.getName());

    private final ArbiterClient client;
    private final SessionBuilder settings;
    private final SessionState state;
    private final @Nullable String workflowId;

    SessionGates(ArbiterClient client, SessionBuilder settings, SessionState state, @Nullable String workflowId) {
        this.client = client;
        this.settings = settings;
        this.state = state;
        this.workflowId = workflowId;
    }

    /** True when the step may run; see {@link WorkflowSession#checkGate(StepGateRequest)}. */
    boolean decide(String stepName, String stepId, StepGateRequest request) {
        if (workflowId == null) {
            client.counters().failOpenAllowed.increment();
            LOG.log(
                    Level.WARNING,
                    "session runs ungoverned (fail open): step {0} allowed without asking Arbiter",
                    stepId);
            return true;
        }
        StepGateResponse gate = client.stepGate(workflowId, stepId, request);
        state.gated(gate);
        String reason = gate.reason() == null ? "" : gate.reason();
        List<String> policyIds = gate.policyIds() == null ? List.of() : gate.policyIds();
        switch (gate.decision()) {
            case ALLOW:
                return true;
            case BLOCK:
                if (settings.autoBlock()) {
                    throw new WorkflowBlockedException(workflowId, stepId, stepName, reason, policyIds);
                }
                return false;
            case REQUIRE_APPROVAL:
                ApprovalRequiredException required = new ApprovalRequiredException(
                        workflowId, stepId, stepName, gate.approvalId(), reason, policyIds);
                state.awaiting(required);
                Duration pollInterval = settings.pollInterval();
                Duration maxWait = settings.maxWait();
                if (pollInterval == null || maxWait == null) {
                    throw required;
                }
                await(required, pollInterval, maxWait);
                return true;
        }
        throw new UnexpectedResponseException("unknown gate decision " + gate.decision(), 200, "", null);
    }

    /** The step that last answered {@code require_approval}; {@link IllegalStateException} when none waits. */
    GateException pending() {
        GateException pending = state.pendingApproval();
        if (pending == null) {
            throw new IllegalStateException("no step of this session awaits approval");
        }
        return pending;
    }

    /** Waits until the pending step is approved, then forgets it; throws (fails closed) otherwise. */
    void await(GateException pending, Duration pollInterval, Duration maxWait) {
        ApprovalWait.await(
                client,
                client.config().clock(),
                pending.workflowId(),
                pending.stepId(),
                pending.stepName(),
                pollInterval,
                maxWait);
        state.awaiting(null);
    }
}
