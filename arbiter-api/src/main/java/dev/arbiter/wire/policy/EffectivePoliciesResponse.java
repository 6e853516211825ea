package dev.arbiter.wire.policy;

import java.util.List;

/**
 * The enabled dynamic policies that apply to the caller's tenant, its own and global ones, highest priority
 * first, with the policy-set versions they form.
 *
 * @param policies the policies, by priority
 * @param tenantSetVersion the tenant's policy-set version
 * @param globalSetVersion the global policy-set version
 */
public record EffectivePoliciesResponse(List<PolicyResource> policies, long tenantSetVersion, long globalSetVersion) {
    /** Copies the list. */
    public EffectivePoliciesResponse {
        policies = List.copyOf(policies);
    }
}
