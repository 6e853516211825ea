package dev.arbiter.wire.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One action of a dynamic policy: a {@code type} and its {@code config} (contract §2.1).
 *
 * @param type {@code block}, {@code require_approval}, {@code redact}, {@code warn}, {@code log}, ...
 * @param config settings such as {@code reason} and {@code severity}; empty when none
 */
public record PolicyAction(String type, Map<String, @Nullable Object> config) {
    /** Checks the type and copies the config. */
    public PolicyAction {
        Objects.requireNonNull(type, "type");
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
