package dev.arbiter.server.http;

import dev.arbiter.server.policy.PolicySimulator;
import io.javalin.config.RoutesConfig;

/** {@code POST /api/v1/policies/simulate}, Arbiter-native: errors are RFC 9457 problems. Thread-safe. */
final class SimulationHandlers {
    private final PolicySimulator simulator;

    SimulationHandlers(PolicySimulator simulator) {
        this.simulator = simulator;
    }

    void register(RoutesConfig routes) {
        routes.post(
                "/api/v1/policies/simulate",
                ctx -> ctx.json(simulator.simulate(WorkflowHandlers.caller(ctx), PolicyBodies.object(ctx))));
    }
}
