package dev.arbiter.core;

import java.util.Objects;

/**
 * One policy that matched a context, as reported in a {@link Decision}.
 *
 * <p>{@code action} is the strongest of the policy's actions; {@code reason} and {@code severity} come from that
 * action's config ({@code reason}, {@code severity}), falling back to the policy description (or
 * {@code Matched policy '<name>'}) and {@code medium}. Immutable and thread-safe.
 *
 * @param policyId the policy's id
 * @param policyName the policy's name
 * @param action the outcome this policy asks for
 * @param reason why, for people
 * @param severity {@code low}, {@code medium}, {@code high} or {@code critical}
 */
public record PolicyMatch(String policyId, String policyName, Outcome action, String reason, String severity) {
    public PolicyMatch {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(severity, "severity");
    }
}
