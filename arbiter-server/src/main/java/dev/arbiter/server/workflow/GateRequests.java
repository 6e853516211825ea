package dev.arbiter.server.workflow;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.ToolContext;
import org.jspecify.annotations.Nullable;

/**
 * Range checks on requests beyond what the wire records enforce, with the contract's codes: a value
 * the store cannot hold is a 400 here, never a database error. Stateless.
 */
final class GateRequests {
    /** Longest step id, idempotency key, model, provider or tool name accepted. */
    static final int MAX_ID = 255;
    /** Longest step or workflow name accepted. */
    static final int MAX_NAME = 1024;

    private GateRequests() {}

    static void validateStepId(String stepId) {
        if (stepId.isBlank() || stepId.length() > MAX_ID) {
            throw ApiException.badRequest("step_id must be 1.." + MAX_ID + " characters");
        }
    }

    static void validate(StepGateRequest r) {
        ToolContext tool = r.toolContext();
        if (tool != null && (tool.toolName() == null || tool.toolName().isBlank())) {
            throw new ApiException(
                    ErrorCode.INVALID_TOOL_CONTEXT, "tool_name is required when tool_context is provided");
        }
        if (tool != null) {
            max("tool_context.tool_name", tool.toolName(), MAX_ID);
            max("tool_context.tool_type", tool.toolType(), 64);
        }
        max("idempotency_key", r.idempotencyKey(), MAX_ID);
        max("step_name", r.stepName(), MAX_NAME);
        max("model", r.model(), MAX_ID);
        max("provider", r.provider(), MAX_ID);
        usage(r.tokensIn(), r.tokensOut(), r.costUsd());
    }

    static void validate(MarkStepCompletedRequest r) {
        max("idempotency_key", r.idempotencyKey(), MAX_ID);
        usage(r.tokensIn(), r.tokensOut(), r.costUsd());
    }

    private static void usage(@Nullable Integer tokensIn, @Nullable Integer tokensOut, @Nullable Double cost) {
        if (tokensIn != null && tokensIn < 0) {
            throw ApiException.badRequest("tokens_in must be >= 0");
        }
        if (tokensOut != null && tokensOut < 0) {
            throw ApiException.badRequest("tokens_out must be >= 0");
        }
        if (cost != null && (cost < 0 || cost.isNaN() || cost.isInfinite() || cost > 1e12)) {
            throw ApiException.badRequest("cost_usd must be a number within 0..1e12");
        }
    }

    private static void max(String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest(field + " must be at most " + max + " characters");
        }
    }
}
