package dev.arbiter.client.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Result of testing one tenant policy (contract §2.5).
 *
 * @param matched whether every condition held
 * @param blocked whether the policy would stop the request
 * @param actions the actions that would apply; empty when none
 * @param explanation why, in words
 * @param evalTimeMs how long evaluation took
 */
public record PolicyTestResult(
        boolean matched,
        boolean blocked,
        List<Action> actions,
        @Nullable String explanation,
        @Nullable Double evalTimeMs) {
    /** Copies the actions. */
    public PolicyTestResult {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /**
     * An action that would apply.
     *
     * @param type the action type
     * @param config its settings
     * @param message what it would say
     */
    public record Action(
            String type,
            Map<String, @Nullable Object> config,
            @Nullable String message) {
        /** Copies the settings. */
        public Action {
            config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
        }
    }
}
