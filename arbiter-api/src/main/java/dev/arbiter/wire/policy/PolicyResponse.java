package dev.arbiter.wire.policy;

import java.util.Objects;

/**
 * {@code {"policy": PolicyResource}}: the answer of create (201), get, update and rollback.
 *
 * @param policy the policy
 */
public record PolicyResponse(PolicyResource policy) {
    /** Checks that the policy is present. */
    public PolicyResponse {
        Objects.requireNonNull(policy, "policy");
    }
}
