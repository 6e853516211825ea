package dev.arbiter.wire.workflow;

import java.util.List;

/**
 * Response of {@code GET /api/v1/workflows/approvals/pending} (contract §1.8): the newest first.
 *
 * @param pendingApprovals the steps waiting for a person
 * @param count how many are in this answer
 */
public record PendingApprovalsResponse(List<PendingApproval> pendingApprovals, int count) {
    /** Copies the list. */
    public PendingApprovalsResponse {
        pendingApprovals = List.copyOf(pendingApprovals);
    }
}
