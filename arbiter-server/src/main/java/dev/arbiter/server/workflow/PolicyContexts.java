package dev.arbiter.server.workflow;

import dev.arbiter.core.PolicyContext;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.store.WorkflowTotals;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.ToolContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Builds the policy context of a step gate (contract §1.11) plus Arbiter's derived facts:
 * {@code step_input.contains_pii} (through the PII probe) and the workflow's cross-step facts.
 *
 * <p>Cross-step facts describe the workflow including this gate: {@code workflow.cost_usd},
 * {@code workflow.tokens_in} and {@code workflow.tokens_out} add this request's estimates to what the
 * workflow's other steps recorded (actuals once completed, else their estimates), so a policy can
 * stop the step that would exceed a budget; {@code workflow.step_count} counts the steps gated
 * before this one; {@code workflow.tools_used} lists the tool names of the workflow's steps so far.
 * The request's own part (its inputs, frozen and scanned for PII) comes prepared in a {@link GateInput}.
 * Stateless.
 */
final class PolicyContexts {
    private PolicyContexts() {}

    /** The context of gating {@code input} as step {@code stepIndex} of {@code w}; its PII facts come with it. */
    static PolicyContext build(
            WorkflowRecord w,
            String stepId,
            int stepIndex,
            GateInput input,
            @Nullable StepRecord existing,
            WorkflowTotals totals,
            Instant now) {
        StepGateRequest r = input.request();
        PolicyContext.Builder b = PolicyContext.builder().withoutPiiProbe();
        b.put("request_type", "workflow_step_gate");
        b.put("workflow_id", w.id());
        b.put("workflow_name", w.name());
        b.put("source", w.source());
        b.put("step_id", stepId);
        b.put("step_name", r.stepName());
        b.put("step_type", r.stepType().wireName());
        b.put("step_index", stepIndex);
        b.put("model", r.model());
        b.put("provider", r.provider());
        b.put("tokens_in", r.tokensIn());
        b.put("tokens_out", r.tokensOut());
        b.put("cost_usd", r.costUsd());
        b.stepInput(input.stepInput());
        ToolContext tool = r.toolContext();
        PolicyContext.Input toolInput = input.toolInput();
        if (tool != null && tool.toolName() != null && toolInput != null) {
            b.toolContext(tool.toolName(), tool.toolType() == null ? "" : tool.toolType(), toolInput);
        }
        retryFacts(b, existing, r, now);
        workflowFacts(b, r, existing, totals);
        return b.build();
    }

    private static void retryFacts(
            PolicyContext.Builder b, @Nullable StepRecord existing, StepGateRequest r, Instant now) {
        int gateCount = existing == null ? 1 : existing.attempts().gateCount() + 1;
        int completions = existing == null ? 0 : existing.completion().completionCount();
        b.put("step.gate_count", gateCount);
        b.put("step.completion_count", completions);
        b.put(
                "step.prior_completion_status",
                RetryContexts.priorStatus(gateCount, completions).wireName());
        b.put("step.prior_output_available", completions > 0);
        b.put(
                "step.last_decision",
                existing == null ? null : existing.attempts().lastDecision().wire());
        long age = existing == null
                ? 0
                : Duration.between(existing.attempts().firstAttemptAt(), now).toSeconds();
        b.put("step.first_attempt_age_seconds", age);
        String key = existing != null && existing.request().idempotencyKey() != null
                ? existing.request().idempotencyKey()
                : r.idempotencyKey();
        b.put("step.idempotency_key", key == null ? "" : key);
    }

    private static void workflowFacts(
            PolicyContext.Builder b, StepGateRequest r, @Nullable StepRecord existing, WorkflowTotals totals) {
        BigDecimal cost = totals.costUsd();
        long tokensIn = totals.tokensIn();
        long tokensOut = totals.tokensOut();
        int otherSteps = totals.stepCount();
        if (existing != null) {
            // The totals include this step's earlier figures; this request's estimates replace them.
            cost = cost.subtract(orZero(existing.usage().costUsd()));
            tokensIn -= orZero(existing.usage().tokensIn());
            tokensOut -= orZero(existing.usage().tokensOut());
            otherSteps -= 1;
        }
        if (r.costUsd() != null) {
            cost = cost.add(BigDecimal.valueOf(r.costUsd()));
        }
        tokensIn += r.tokensIn() == null ? 0 : r.tokensIn();
        tokensOut += r.tokensOut() == null ? 0 : r.tokensOut();
        b.put("workflow.cost_usd", cost.doubleValue());
        b.put("workflow.tokens_in", tokensIn);
        b.put("workflow.tokens_out", tokensOut);
        b.put("workflow.step_count", otherSteps);
        b.put("workflow.tools_used", totals.toolsUsed());
    }

    private static BigDecimal orZero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
