package dev.arbiter.wire.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An action a tested policy would execute (contract §2.5).
 *
 * @param type the action type
 * @param config its settings
 * @param message its reason, when it has one
 */
public record TriggeredAction(
        String type,
        Map<String, @Nullable Object> config,
        @Nullable String message) {
    /** Checks the type and copies the config. */
    public TriggeredAction {
        Objects.requireNonNull(type, "type");
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
