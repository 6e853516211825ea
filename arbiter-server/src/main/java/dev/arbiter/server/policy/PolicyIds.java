package dev.arbiter.server.policy;

import java.util.UUID;

/** Policy ids in paths: UUIDs (contract §2.1: anything else is a 400 "Invalid policy ID format"). Stateless. */
final class PolicyIds {
    private PolicyIds() {}

    static UUID parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            // UUID.fromString accepts short forms such as "1-2-3-4-5"; only the canonical form is an id.
            if (!uuid.toString().equalsIgnoreCase(id)) {
                throw new IllegalArgumentException(id);
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new PolicyApiException(PolicyApiException.Kind.BAD_REQUEST, "Invalid policy ID format");
        }
    }
}
