package dev.arbiter.client;

import dev.arbiter.wire.workflow.StepGateResponse;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The mutable bookkeeping of one {@link WorkflowSession}: the failure it recorded (which decides between
 * complete and abort on close), its latest gate answer, the step awaiting approval, and whether it has
 * ended. Thread-safe: every field is guarded by one lock.
 */
final class SessionState {
    private final Object lock = new Object();
    private @Nullable Throwable failure;
    private @Nullable GateException pendingApproval;
    private @Nullable StepGateResponse lastGate;
    private boolean finished;

    /**
     * Runs a session operation and records its outcome: its exception (rethrown), or no failure when it
     * returns, because the body evidently carried on.
     */
    <T> T tracked(Supplier<T> operation) {
        try {
            T result = operation.get();
            record(null);
            return result;
        } catch (RuntimeException | Error e) {
            record(e);
            throw e;
        }
    }

    void record(@Nullable Throwable outcome) {
        synchronized (lock) {
            failure = outcome;
        }
    }

    @Nullable
    Throwable failure() {
        synchronized (lock) {
            return failure;
        }
    }

    Optional<StepGateResponse> lastGate() {
        synchronized (lock) {
            return Optional.ofNullable(lastGate);
        }
    }

    void gated(StepGateResponse gate) {
        synchronized (lock) {
            lastGate = gate;
        }
    }

    @Nullable
    GateException pendingApproval() {
        synchronized (lock) {
            return pendingApproval;
        }
    }

    /** The step now awaiting approval, or null once none does. */
    void awaiting(@Nullable GateException pending) {
        synchronized (lock) {
            pendingApproval = pending;
        }
    }

    /** Throws if the session has ended. */
    void checkOpen(@Nullable String workflowId) {
        synchronized (lock) {
            if (finished) {
                throw new IllegalStateException("the session of workflow " + workflowId + " has ended");
            }
        }
    }

    /** Marks the session ended; true only for the first call, so a workflow is ended once. */
    boolean finish() {
        synchronized (lock) {
            if (finished) {
                return false;
            }
            finished = true;
            return true;
        }
    }
}
