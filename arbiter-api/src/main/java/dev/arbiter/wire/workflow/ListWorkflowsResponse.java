package dev.arbiter.wire.workflow;

import java.util.List;

/**
 * Response of {@code GET /api/v1/workflows} (contract §1.4), newest first.
 *
 * @param workflows this page
 * @param total how many workflows match the filters
 * @param limit the page size used
 * @param offset the offset used
 * @param hasMore {@code offset + workflows.size() < total}
 */
public record ListWorkflowsResponse(
        List<WorkflowStatusResponse> workflows, int total, int limit, int offset, boolean hasMore) {
    /** Copies the page. */
    public ListWorkflowsResponse {
        workflows = List.copyOf(workflows);
    }
}
