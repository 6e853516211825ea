package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.core.StaticPolicy;
import dev.arbiter.wire.Json;
import java.util.Map;
import java.util.Objects;

/**
 * A validated static policy: its canonical definition (as stored, in API field names) and the core policy it
 * compiles to. Immutable.
 *
 * @param canonical the stored form: policy_id, name, description, category, tier, pattern, severity, action,
 *     phase, priority, enabled, tags, metadata, mode
 * @param policy the core policy
 * @param shadow whether the policy is in shadow mode (reported, never enforced)
 */
record StaticDefinition(Map<String, Object> canonical, StaticPolicy policy, boolean shadow) {
    StaticDefinition {
        canonical = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(canonical));
        Objects.requireNonNull(policy, "policy");
    }

    String json() {
        try {
            return Json.mapper().writeValueAsString(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write static policy " + policy.id() + " as JSON", e);
        }
    }

    String mode() {
        return shadow ? "shadow" : "enforce";
    }
}
