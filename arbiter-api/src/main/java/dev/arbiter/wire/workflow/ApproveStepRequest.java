package dev.arbiter.wire.workflow;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/workflows/{id}/steps/{step_id}/approve} (contract §1.8).
 *
 * <p>The server requires at least 10 characters after trimming and answers 400 otherwise.
 *
 * @param comment why the approver lets the step run
 */
public record ApproveStepRequest(@Nullable String comment) {}
