package dev.arbiter.server.workflow;

import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.wire.workflow.PriorCompletionStatus;
import dev.arbiter.wire.workflow.RetryContext;

/** The {@code retry_context} of gate and approval answers (contract §1.6). Stateless. */
final class RetryContexts {
    private RetryContexts() {}

    /**
     * The retry context of {@code step} as stored after a gate call.
     *
     * @param previousDecision the decision of the gate call before this one (this one's on a first call)
     * @param includeOutput whether the caller asked for {@code prior_output}
     */
    static RetryContext of(StepRecord step, StepDecision previousDecision, boolean includeOutput) {
        int gates = step.attempts().gateCount();
        int completions = step.completion().completionCount();
        PriorCompletionStatus prior = priorStatus(gates, completions);
        boolean available = prior == PriorCompletionStatus.COMPLETED;
        String key = step.request().idempotencyKey();
        return new RetryContext(
                gates,
                completions,
                prior,
                available,
                includeOutput && available ? JsonText.value(step.completion().outputJson()) : null,
                step.completion().completedAt(),
                step.attempts().firstAttemptAt(),
                step.attempts().lastAttemptAt(),
                WireMapping.decision(previousDecision),
                key == null ? "" : key);
    }

    /** {@code none} on a first call; {@code completed} once completed; else {@code gated_not_completed}. */
    static PriorCompletionStatus priorStatus(int gateCount, int completionCount) {
        if (gateCount <= 1) {
            return PriorCompletionStatus.NONE;
        }
        return completionCount >= 1 ? PriorCompletionStatus.COMPLETED : PriorCompletionStatus.GATED_NOT_COMPLETED;
    }
}
