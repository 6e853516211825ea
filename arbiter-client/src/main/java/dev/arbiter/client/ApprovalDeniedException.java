package dev.arbiter.client;

import dev.arbiter.wire.workflow.ApprovalStatus;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * While the session waited, the step's approval was rejected or expired, or the workflow ended. A
 * rejection also aborts the workflow on the server.
 */
public final class ApprovalDeniedException extends GateException {
    private static final long serialVersionUID = 1L;

    private final @Nullable ApprovalStatus status;

    ApprovalDeniedException(
            String message, String workflowId, String stepId, String stepName, @Nullable ApprovalStatus status) {
        super(message, workflowId, stepId, stepName, null);
        this.status = status;
    }

    /** {@code rejected} or {@code expired}; empty when the workflow ended without a step verdict. */
    public Optional<ApprovalStatus> status() {
        return Optional.ofNullable(status);
    }
}
