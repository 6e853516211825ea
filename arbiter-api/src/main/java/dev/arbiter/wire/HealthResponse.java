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
 * @param components component name to state, e.g. {@code database: connected}; empty when absent, as in
 *     the older answer {@code {status, service, timestamp, version}}
 * @param capabilities feature names clients use for detection; empty when absent (older servers)
 */
public record HealthResponse(
        String status,
        String service,
        Instant timestamp,
        String version,
        Map<String, String> components,
        List<String> capabilities) {
    /** Checks required fields and copies the collections; absent collections are empty. */
    public HealthResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(version, "version");
        components = components == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(components));
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    }
}
