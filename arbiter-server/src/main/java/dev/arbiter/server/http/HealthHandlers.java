package dev.arbiter.server.http;

import dev.arbiter.server.Version;
import dev.arbiter.store.Database;
import dev.arbiter.wire.HealthResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /health} (contract §8.3) and {@code GET /metrics} (Prometheus); no authentication. Thread-safe. */
final class HealthHandlers {
    static final List<String> CAPABILITIES = List.of(
            "workflow_control_plane",
            "step_gate_retry_context",
            "step_approvals",
            "tool_context",
            "audit_search",
            "audit_verify");

    private final Database database;
    private final Metrics metrics;
    private final Clock clock;

    HealthHandlers(Database database, Metrics metrics, Clock clock) {
        this.database = database;
        this.metrics = metrics;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape()));
    }

    private void health(Context ctx) {
        boolean up = database.isHealthy();
        Map<String, String> components = new LinkedHashMap<>();
        components.put("database", up ? "connected" : "unreachable");
        components.put("policy_engine", "ready");
        ctx.status(up ? 200 : 503)
                .json(new HealthResponse(
                        up ? "healthy" : "unhealthy",
                        "arbiter",
                        clock.instant(),
                        Version.current(),
                        components,
                        CAPABILITIES));
    }
}
