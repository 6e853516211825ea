package dev.arbiter.client.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One action of a tenant policy (contract §2.3).
 *
 * @param type {@code block}, {@code require_approval}, {@code redact}, {@code warn}, {@code log},
 *     {@code alert}, {@code route} or {@code modify_risk}
 * @param config the action's settings, e.g. {@code {"reason": "..."}}; empty when absent
 */
public record PolicyAction(String type, Map<String, @Nullable Object> config) {
    /** Checks the type and copies the settings. */
    public PolicyAction {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("action type must not be blank");
        }
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** An action with a reason, the common case: {@code PolicyAction.of("block", "GPT-4 not allowed")}. */
    public static PolicyAction of(String type, String reason) {
        return new PolicyAction(type, Map.of("reason", reason));
    }
}
