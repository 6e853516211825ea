package dev.arbiter.server.http;

import dev.arbiter.server.policy.PolicyServices;
import dev.arbiter.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import java.time.Clock;

/**
 * Every endpoint of the API, by resource. Reading {@link #register} lists the whole surface:
 * health and metrics, the Workflow Control Plane (contract §1.1), audit (§5.2), and policy
 * management (§2: dynamic policies, static policies, simulation), and webhook subscriptions.
 */
public final class Routes {
    private final HealthHandlers health;
    private final WorkflowHandlers workflows;
    private final AuditHandlers audit;
    private final PolicyHandlers policies;
    private final StaticPolicyHandlers staticPolicies;
    private final SimulationHandlers simulation;
    private final WebhookHandlers webhooks;
    private final Database database;

    /** The route table over the given services. */
    public Routes(Database database, Metrics metrics, Clock clock, Services services, PolicyServices policies) {
        this.database = database;
        this.health = new HealthHandlers(database, metrics, clock);
        this.workflows = new WorkflowHandlers(services, metrics);
        this.audit = new AuditHandlers(services.audit());
        this.policies =
                new PolicyHandlers(policies.dynamic(), policies.queries(), policies.importer(), policies.tester());
        this.staticPolicies = new StaticPolicyHandlers(policies.staticPolicies(), policies.staticQueries());
        this.simulation = new SimulationHandlers(policies.simulator());
        this.webhooks = new WebhookHandlers(services.webhooks());
    }

    void register(RoutesConfig routes) {
        // Under overload a write request is refused (503, Retry-After) before its body is read: the work
        // spent on requests that would be refused anyway was taken from the writes being committed.
        routes.before("/api/*", ctx -> {
            if (ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD) {
                database.refuseWritesIfOverloaded();
            }
        });
        health.register(routes);
        workflows.register(routes);
        audit.register(routes);
        policies.register(routes);
        staticPolicies.register(routes);
        simulation.register(routes);
        webhooks.register(routes);
    }
}
