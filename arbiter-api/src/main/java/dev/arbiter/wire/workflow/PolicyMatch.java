package dev.arbiter.wire.workflow;

import org.jspecify.annotations.Nullable;

/**
 * A policy that applied to a gate decision (contract §1.6, {@code PolicyMatch}).
 *
 * @param policyId the policy's id
 * @param policyName the policy's name
 * @param action the action the policy asked for, e.g. {@code block}
 * @param reason the policy's reason
 * @param riskLevel {@code low}, {@code medium}, {@code high} or {@code critical}
 * @param allowOverride whether a session override may lift it
 * @param matchedRule which rule of the policy matched
 * @param policyDescription the policy's description
 */
public record PolicyMatch(
        String policyId,
        String policyName,
        String action,
        @Nullable String reason,
        @Nullable String riskLevel,
        @Nullable Boolean allowOverride,
        @Nullable String matchedRule,
        @Nullable String policyDescription) {
    /** A match with the four V1 fields. */
    public static PolicyMatch of(String policyId, String policyName, String action, @Nullable String reason) {
        return new PolicyMatch(policyId, policyName, action, reason, null, null, null, null);
    }
}
