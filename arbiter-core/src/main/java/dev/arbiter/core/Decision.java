package dev.arbiter.core;

import java.util.List;
import java.util.Objects;

/**
 * The result of evaluating a {@link PolicySet} against a {@link PolicyContext}: the outcome and every policy that
 * matched.
 *
 * <p>{@code outcome} is the strongest action among the enforced matches, by the precedence
 * {@code block > require_approval > redact > warn > log > allow}; it is {@code allow} when nothing matched. Every
 * matching policy is listed, by priority (highest first) then id; shadow-mode matches are listed separately and never
 * affect the outcome. Immutable and thread-safe.
 *
 * @param outcome what the caller must do
 * @param matches enforced policies that matched
 * @param shadowMatches shadow-mode policies that matched
 * @param policiesEvaluated number of enabled policies in the set (the index skips some, but only those that cannot
 *     match, so it is the same number as without it)
 * @param errors policies that could not be evaluated for this context, by policy id
 */
public record Decision(
        Outcome outcome,
        List<PolicyMatch> matches,
        List<PolicyMatch> shadowMatches,
        int policiesEvaluated,
        List<EvaluationError> errors) {
    /** The reason AxonFlow gives when policies were evaluated and none matched. */
    public static final String NO_MATCH_REASON = "No matching policies";

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        matches = List.copyOf(matches);
        shadowMatches = List.copyOf(shadowMatches);
        errors = List.copyOf(errors);
    }

    /** The reason of the first-listed match whose action is the outcome, or {@value #NO_MATCH_REASON}. */
    public String reason() {
        for (PolicyMatch match : matches) {
            if (match.action() == outcome) {
                return match.reason();
            }
        }
        return NO_MATCH_REASON;
    }

    /** Ids of the enforced matches, in listing order (the contract's {@code policy_ids}). */
    public List<String> policyIds() {
        return matches.stream().map(PolicyMatch::policyId).toList();
    }

    /** Ids of the shadow-mode matches, in listing order. */
    public List<String> shadowPolicyIds() {
        return shadowMatches.stream().map(PolicyMatch::policyId).toList();
    }

    /** True when at least one enforced policy matched. */
    public boolean matched() {
        return !matches.isEmpty();
    }

    /** The outcome there would be if the shadow-mode policies were enforced too. */
    public Outcome shadowOutcome() {
        Outcome strongest = outcome;
        for (PolicyMatch match : shadowMatches) {
            strongest = strongest.strongest(match.action());
        }
        return strongest;
    }
}
