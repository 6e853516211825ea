package dev.arbiter.wire.policy;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code POST .../{id}/test} (contract §2.5), plus the outcome Arbiter would decide.
 *
 * @param matched whether the policy matched
 * @param blocked whether the match stops the request (block or require_approval), shadow policies never do
 * @param actions the actions it would execute; empty when it did not match
 * @param explanation one sentence for people
 * @param evalTimeMs evaluation time in milliseconds
 * @param outcome the outcome of this policy alone: {@code allow}, {@code log}, ..., {@code block}
 */
public record TestPolicyResponse(
        boolean matched,
        boolean blocked,
        List<TriggeredAction> actions,
        String explanation,
        double evalTimeMs,
        String outcome) {
    /** Checks required fields and copies the list. */
    public TestPolicyResponse {
        actions = List.copyOf(actions);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(outcome, "outcome");
    }
}
