package dev.arbiter.wire.policy;

import java.util.List;
import java.util.Objects;

/**
 * {@code {"policy_id", "versions", "count"}}, newest first.
 *
 * @param policyId the policy
 * @param versions every version
 * @param count how many
 */
public record StaticPolicyVersionsResponse(String policyId, List<StaticPolicyVersionEntry> versions, int count) {
    /** Checks required fields and copies the list. */
    public StaticPolicyVersionsResponse {
        Objects.requireNonNull(policyId, "policyId");
        versions = List.copyOf(versions);
    }
}
