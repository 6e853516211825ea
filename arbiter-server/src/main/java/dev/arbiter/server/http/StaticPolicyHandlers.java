package dev.arbiter.server.http;

import dev.arbiter.core.FieldError;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.policy.PolicyApiException;
import dev.arbiter.server.policy.StaticPolicyQueries;
import dev.arbiter.server.policy.StaticPolicyService;
import dev.arbiter.wire.policy.PatternTestRequest;
import dev.arbiter.wire.policy.RollbackRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static-policy routes (contract §2.4): CRUD, the enable toggle, the effective set, the pattern test and
 * version history, plus Arbiter's rollback. Errors use the static envelope {@code {"error": {"code": <status>,
 * "message"}}}. Thread-safe.
 */
final class StaticPolicyHandlers {
    static final String BASE = "/api/v1/static-policies";

    private final StaticPolicyService policies;
    private final StaticPolicyQueries queries;

    StaticPolicyHandlers(StaticPolicyService policies, StaticPolicyQueries queries) {
        this.policies = policies;
        this.queries = queries;
    }

    void register(RoutesConfig routes) {
        // Literal paths first: they share the shape of the /{id} routes.
        routes.get(BASE + "/effective", ctx -> ctx.json(queries.effective(caller(ctx))));
        routes.post(BASE + "/test", this::test);
        routes.get(BASE, ctx -> ctx.json(queries.list(caller(ctx), PolicyBodies.query(ctx, "severity"))));
        routes.post(BASE, this::create);
        routes.get(BASE + "/{id}", ctx -> ctx.json(queries.get(caller(ctx), id(ctx))));
        routes.put(BASE + "/{id}", this::update);
        routes.patch(BASE + "/{id}", this::toggle);
        routes.delete(BASE + "/{id}", this::delete);
        routes.get(BASE + "/{id}/versions", ctx -> ctx.json(queries.versions(caller(ctx), id(ctx))));
        routes.post(BASE + "/{id}/rollback", this::rollback);
    }

    private void create(Context ctx) {
        Principal caller = caller(ctx);
        ctx.status(201).json(policies.create(caller, PolicyBodies.actor(ctx, caller), PolicyBodies.object(ctx)));
    }

    private void update(Context ctx) {
        Principal caller = caller(ctx);
        ctx.json(policies.update(caller, PolicyBodies.actor(ctx, caller), id(ctx), PolicyBodies.object(ctx)));
    }

    private void toggle(Context ctx) {
        Map<String, Object> body = PolicyBodies.object(ctx);
        PolicyHandlers.checkMembers(body, Set.of("enabled"));
        if (!(body.get("enabled") instanceof Boolean enabled)) {
            throw PolicyApiException.invalid(List.of(new FieldError("enabled", "is required: true or false")));
        }
        Principal caller = caller(ctx);
        ctx.json(policies.toggle(caller, PolicyBodies.actor(ctx, caller), id(ctx), enabled));
    }

    private void delete(Context ctx) {
        Principal caller = caller(ctx);
        policies.delete(caller, PolicyBodies.actor(ctx, caller), id(ctx));
        ctx.status(204);
    }

    private void test(Context ctx) {
        Map<String, Object> body = PolicyBodies.object(ctx);
        PolicyHandlers.checkMembers(body, Set.of("pattern", "inputs", "input"));
        ctx.json(queries.test(PolicyHandlers.convert(body, PatternTestRequest.class)));
    }

    private void rollback(Context ctx) {
        Principal caller = caller(ctx);
        RollbackRequest request = PolicyHandlers.rollbackRequest(PolicyBodies.object(ctx));
        ctx.json(policies.rollback(caller, PolicyBodies.actor(ctx, caller), id(ctx), request));
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private static Principal caller(Context ctx) {
        return WorkflowHandlers.caller(ctx);
    }
}
