package dev.arbiter.core;

import java.util.List;
import java.util.Objects;

/**
 * The result of checking a text against a {@link StaticPolicySet}.
 *
 * @param outcome the strongest action among the matches ({@link Outcome#ALLOW} when nothing matched)
 * @param matches one entry per matching policy, highest priority first
 */
public record StaticCheck(Outcome outcome, List<Match> matches) {
    public StaticCheck {
        Objects.requireNonNull(outcome, "outcome");
        matches = List.copyOf(matches);
    }

    /** True when at least one policy matched. */
    public boolean matched() {
        return !matches.isEmpty();
    }

    /**
     * One matching policy and where its first confirmed match lies in the checked text.
     *
     * @param start index of the first matched character
     * @param end index after the last matched character
     */
    public record Match(
            String policyId,
            String name,
            String category,
            StaticPolicy.Severity severity,
            Outcome action,
            int start,
            int end) {
        public Match {
            Objects.requireNonNull(policyId, "policyId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(action, "action");
        }
    }
}
