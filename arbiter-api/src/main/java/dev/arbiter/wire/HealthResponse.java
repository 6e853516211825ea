package dev.arbiter.wire;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code GET /health} (contract §8.3).
 *
 * @param status {@code healthy}, or {@code unhealthy} when a component is down
 * @param service the service name, {@code arbiter}
 * @param timestamp when the answer was produced
 * @param version the server version
 * @param components component name to state, e.g. {@code database: connected}
 * @param capabilities feature names clients use for detection
 */
public record HealthResponse(
        String status,
        String service,
        Instant timestamp,
        String version,
        Map<String, String> components,
        List<String> capabilities) {
    /** Checks required fields and copies the collections. */
    public HealthResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(version, "version");
        components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
        capabilities = List.copyOf(capabilities);
    }
}
