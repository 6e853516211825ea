package dev.arbiter.wire.workflow;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/workflows/{id}/steps/{step_id}/reject} (contract §1.8).
 *
 * <p>The server requires at least 10 characters after trimming and answers 400 otherwise. Rejecting
 * a step aborts its workflow.
 *
 * @param reason why the step must not run
 */
public record RejectStepRequest(@Nullable String reason) {}
