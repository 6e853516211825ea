package dev.arbiter.wire.policy;

/**
 * Body of {@code PATCH /api/v1/static-policies/{id}}: switch a policy on or off.
 *
 * @param enabled the new state; required
 */
public record StaticPolicyToggleRequest(Boolean enabled) {
    /** Checks that the state is present. */
    public StaticPolicyToggleRequest {
        if (enabled == null) {
            throw new IllegalArgumentException("enabled is required");
        }
    }
}
