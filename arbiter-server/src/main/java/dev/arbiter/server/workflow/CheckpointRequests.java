package dev.arbiter.server.workflow;

import dev.arbiter.store.StepRecord;
import dev.arbiter.store.StepRequest;
import dev.arbiter.store.Usage;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.ToolContext;
import org.jspecify.annotations.Nullable;

/**
 * The gate request a checkpoint resume sends again: everything the step was last gated with (name, type,
 * input, model, provider, tool call, idempotency key) and its recorded usage as the estimate, so that
 * policies see the step as before, with {@code retry_policy: reevaluate} so the stored decision is not
 * reused (AxonFlow's resume does the same). Stateless.
 */
final class CheckpointRequests {
    private CheckpointRequests() {}

    static StepGateRequest of(StepRecord s) {
        StepRequest r = s.request();
        StepType type = StepType.fromWireName(s.stepType())
                .orElseThrow(() -> new IllegalStateException("stored step type is unknown: " + s.stepType()));
        String tool = r.toolContextJson();
        Usage usage = s.usage();
        return new StepGateRequest(
                s.stepName(),
                type,
                JsonText.mapOrNull(r.stepInputJson()),
                r.model(),
                r.provider(),
                toInt(usage.tokensIn()),
                toInt(usage.tokensOut()),
                usage.costUsd() == null ? null : usage.costUsd().doubleValue(),
                tool == null ? null : JsonText.read(tool, ToolContext.class),
                RetryPolicy.REEVALUATE,
                r.idempotencyKey());
    }

    /** Stored token counts came in as JSON integers, so they fit; a larger one is capped rather than wrapped. */
    private static @Nullable Integer toInt(@Nullable Long value) {
        return value == null ? null : (int) Math.min(value, Integer.MAX_VALUE);
    }
}
