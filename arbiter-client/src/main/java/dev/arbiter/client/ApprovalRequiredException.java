package dev.arbiter.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The step needs a person's approval (gate decision {@code require_approval}) and the session was not
 * set to wait. Approve it through the API or console with {@link #approvalId()}, then call
 * {@link WorkflowSession#waitForApproval(Duration, Duration)} to continue.
 */
public final class ApprovalRequiredException extends GateException {
    private static final long serialVersionUID = 1L;

    private final @Nullable String approvalId;
    private final String reason;
    private final transient List<String> policyIds;

    ApprovalRequiredException(
            String workflowId,
            String stepId,
            String stepName,
            @Nullable String approvalId,
            String reason,
            List<String> policyIds) {
        super(
                "Step '" + stepName + "' requires approval"
                        + (approvalId == null ? "" : " (approval " + approvalId + ")") + ": " + reason,
                workflowId,
                stepId,
                stepName,
                null);
        this.approvalId = approvalId;
        this.reason = reason;
        this.policyIds = List.copyOf(policyIds);
    }

    /** The approval's id, if the server sent one (contract §1.8: UUIDv5 of {@code "<workflow>:<step>"}). */
    public Optional<String> approvalId() {
        return Optional.ofNullable(approvalId);
    }

    /** The gate's reason. */
    public String reason() {
        return reason;
    }

    /** The ids of the policies that required approval. */
    public List<String> policyIds() {
        return policyIds;
    }
}
