package dev.arbiter.wire.workflow;

import org.jspecify.annotations.Nullable;

/**
 * Optional body of {@code POST /api/v1/workflows/{id}/abort} and {@code .../fail} (contract §1.8).
 *
 * @param reason why; the server uses "Aborted by user" or "Failed" when absent
 */
public record WorkflowReasonRequest(@Nullable String reason) {}
