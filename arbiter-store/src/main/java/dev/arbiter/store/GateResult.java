package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The decision of a step's latest fresh evaluation.
 *
 * @param decision allow, block or require_approval
 * @param decisionId {@code dec_<workflow>_<step>}
 * @param reason the contract's reason string, or {@code null}
 * @param policiesEvaluatedCount how many policies were evaluated
 * @param policiesEvaluatedJson the {@code policies_evaluated} array as JSON text ({@code []} when none)
 * @param policiesMatchedJson the {@code policies_matched} array as JSON text ({@code []} when none)
 * @param gatedAt when the decision was made (the contract's {@code gate_checked_at})
 */
public record GateResult(
        StepDecision decision,
        String decisionId,
        @Nullable String reason,
        int policiesEvaluatedCount,
        String policiesEvaluatedJson,
        String policiesMatchedJson,
        Instant gatedAt) {

    public GateResult {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(policiesEvaluatedJson, "policiesEvaluatedJson");
        Objects.requireNonNull(policiesMatchedJson, "policiesMatchedJson");
        Objects.requireNonNull(gatedAt, "gatedAt");
        if (policiesEvaluatedCount < 0) {
            throw new IllegalArgumentException("policiesEvaluatedCount must be >= 0");
        }
    }
}
