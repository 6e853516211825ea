package dev.arbiter.wire.policy;

import java.util.List;

/**
 * {@code {"versions": [...]}}, newest first (contract §2.1).
 *
 * @param versions every version of the policy
 */
public record PolicyVersionsResponse(List<PolicyVersionEntry> versions) {
    /** Copies the list. */
    public PolicyVersionsResponse {
        versions = List.copyOf(versions);
    }
}
