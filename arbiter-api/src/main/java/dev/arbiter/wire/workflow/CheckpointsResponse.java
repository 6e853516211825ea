package dev.arbiter.wire.workflow;

import java.util.List;

/**
 * Response of {@code GET /api/v1/workflows/{id}/checkpoints}: oldest first.
 *
 * @param workflowId the workflow
 * @param checkpoints its checkpoints
 */
public record CheckpointsResponse(String workflowId, List<Checkpoint> checkpoints) {
    /** Copies the list. */
    public CheckpointsResponse {
        checkpoints = List.copyOf(checkpoints);
    }
}
