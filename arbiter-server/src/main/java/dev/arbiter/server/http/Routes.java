package dev.arbiter.server.http;

import dev.arbiter.store.Database;
import io.javalin.config.RoutesConfig;
import java.time.Clock;

/**
 * Every endpoint of the API, by resource. Reading {@link #register} lists the whole surface:
 * health and metrics, the Workflow Control Plane (contract §1.1) and audit (§5.2).
 */
public final class Routes {
    private final HealthHandlers health;
    private final WorkflowHandlers workflows;
    private final AuditHandlers audit;

    /** The route table over the given services. */
    public Routes(Database database, Metrics metrics, Clock clock, Services services) {
        this.health = new HealthHandlers(database, metrics, clock);
        this.workflows = new WorkflowHandlers(services, metrics);
        this.audit = new AuditHandlers(services.audit());
    }

    void register(RoutesConfig routes) {
        health.register(routes);
        workflows.register(routes);
        audit.register(routes);
    }
}
