package dev.arbiter.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy does when it matches: an action {@code type} and its free-form {@code config}.
 *
 * <p>Types: {@code block}, {@code require_approval}, {@code redact}, {@code warn}, {@code log}, {@code alert},
 * {@code route}, {@code modify_risk}, {@code allow}. Well-known config keys are {@code reason} and
 * {@code severity} ({@code low|medium|high|critical}). {@code config} is a deep unmodifiable copy; JSON nulls in it
 * are dropped, since in JSON a null member means the member is absent. Immutable and thread-safe.
 *
 * @param type wire name of the action type
 * @param config action settings, never null
 */
public record PolicyAction(String type, Map<String, Object> config) {
    public PolicyAction {
        Objects.requireNonNull(type, "type");
        config = Frozen.copyMap(Objects.requireNonNull(config, "config"));
    }

    /** An action with an empty config. */
    public static PolicyAction of(String type) {
        return new PolicyAction(type, Map.of());
    }

    /** The {@code reason} config entry, when it is a non-blank string. */
    public Optional<String> reason() {
        return config.get("reason") instanceof String reason && !reason.isBlank()
                ? Optional.of(reason)
                : Optional.empty();
    }
}
