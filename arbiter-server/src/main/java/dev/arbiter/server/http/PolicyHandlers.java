package dev.arbiter.server.http;

import dev.arbiter.core.FieldError;
import dev.arbiter.server.policy.DynamicPolicyQueries;
import dev.arbiter.server.policy.DynamicPolicyService;
import dev.arbiter.server.policy.PolicyApiException;
import dev.arbiter.server.policy.PolicyImporter;
import dev.arbiter.server.policy.PolicyTester;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.policy.PolicyResponse;
import dev.arbiter.wire.policy.RollbackRequest;
import dev.arbiter.wire.policy.TestPolicyRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dynamic (tenant) policy routes (contract §2.1, §2.5) plus Arbiter's rollback, served under
 * {@code /api/v1/tenant-policies} and the older {@code /api/v1/dynamic-policies}, which answers the same with
 * {@code Deprecation} and {@code Link} headers. Thread-safe.
 */
final class PolicyHandlers {
    static final String BASE = "/api/v1/tenant-policies";
    static final String LEGACY = "/api/v1/dynamic-policies";

    private static final Set<String> TEST_MEMBERS = Set.of("query", "user", "request_type", "context");

    private final DynamicPolicyService policies;
    private final DynamicPolicyQueries queries;
    private final PolicyImporter importer;
    private final PolicyTester tester;

    PolicyHandlers(
            DynamicPolicyService policies, DynamicPolicyQueries queries, PolicyImporter importer, PolicyTester tester) {
        this.policies = policies;
        this.queries = queries;
        this.importer = importer;
        this.tester = tester;
    }

    void register(RoutesConfig routes) {
        routes.before(LEGACY, PolicyHandlers::deprecated);
        routes.before(LEGACY + "/*", PolicyHandlers::deprecated);
        for (String base : List.of(BASE, LEGACY)) {
            // Literal paths first: they share the shape of the /{id} routes.
            routes.get(base + "/effective", ctx -> ctx.json(queries.effective(caller(ctx))));
            routes.get(base + "/export", this::export);
            routes.post(base + "/import", this::importAll);
            routes.get(base, ctx -> ctx.json(queries.list(caller(ctx), PolicyBodies.query(ctx, "type"))));
            routes.post(base, this::create);
            routes.get(base + "/{id}", ctx -> ctx.json(new PolicyResponse(queries.get(caller(ctx), id(ctx)))));
            routes.put(base + "/{id}", this::update);
            routes.delete(base + "/{id}", this::delete);
            routes.post(base + "/{id}/test", this::test);
            routes.get(base + "/{id}/versions", ctx -> ctx.json(queries.versions(caller(ctx), id(ctx))));
            routes.post(base + "/{id}/rollback", this::rollback);
        }
    }

    private void create(Context ctx) {
        var caller = caller(ctx);
        var created = policies.create(caller, PolicyBodies.actor(ctx, caller), PolicyBodies.object(ctx));
        ctx.status(201).json(new PolicyResponse(created));
    }

    private void update(Context ctx) {
        var caller = caller(ctx);
        var updated = policies.update(caller, PolicyBodies.actor(ctx, caller), id(ctx), PolicyBodies.object(ctx));
        ctx.json(new PolicyResponse(updated));
    }

    private void delete(Context ctx) {
        var caller = caller(ctx);
        policies.delete(caller, PolicyBodies.actor(ctx, caller), id(ctx));
        ctx.status(204);
    }

    private void importAll(Context ctx) {
        var caller = caller(ctx);
        ctx.json(importer.importAll(caller, PolicyBodies.actor(ctx, caller), PolicyBodies.object(ctx)));
    }

    private void export(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=policies-export.json");
        ctx.json(queries.export(caller(ctx)));
    }

    private void test(Context ctx) {
        Map<String, Object> body = PolicyBodies.object(ctx);
        checkMembers(body, TEST_MEMBERS);
        TestPolicyRequest request = convert(body, TestPolicyRequest.class);
        ctx.json(tester.test(caller(ctx), id(ctx), request));
    }

    private void rollback(Context ctx) {
        var request = rollbackRequest(PolicyBodies.object(ctx));
        var caller = caller(ctx);
        ctx.json(new PolicyResponse(policies.rollback(caller, PolicyBodies.actor(ctx, caller), id(ctx), request)));
    }

    /** A rollback body: {@code version} (an integer of at least 1) and an optional {@code reason}. */
    static RollbackRequest rollbackRequest(Map<String, Object> body) {
        checkMembers(body, Set.of("version", "reason"));
        List<FieldError> errors = new ArrayList<>();
        if (!(body.get("version") instanceof Integer version) || version < 1) {
            errors.add(new FieldError("version", "is required and must be an integer of at least 1"));
        }
        if (body.get("reason") != null && !(body.get("reason") instanceof String)) {
            errors.add(new FieldError("reason", "must be a string"));
        }
        if (!errors.isEmpty()) {
            throw PolicyApiException.invalid(errors);
        }
        return new RollbackRequest((Integer) body.get("version"), (String) body.get("reason"));
    }

    /** A 400 naming every member of {@code body} that is not in {@code allowed}. */
    static void checkMembers(Map<String, ?> body, Set<String> allowed) {
        List<FieldError> unknown = body.keySet().stream()
                .filter(key -> !allowed.contains(key))
                .map(key -> new FieldError(key, "unknown field"))
                .toList();
        if (!unknown.isEmpty()) {
            throw PolicyApiException.invalid(unknown);
        }
    }

    /** A checked generic body as a wire record; a member of the wrong type is a 400 naming it. */
    static <T> T convert(Map<String, ?> body, Class<T> type) {
        try {
            return Json.mapper().convertValue(body, type);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage() == null ? "" : e.getMessage();
            int start = field.indexOf("[\"");
            int end = field.indexOf("\"]", start + 2);
            String path = start >= 0 && end > start ? field.substring(start + 2, end) : "";
            throw PolicyApiException.invalid(List.of(new FieldError(path, "has the wrong type")));
        }
    }

    private static void deprecated(Context ctx) {
        ctx.header("Deprecation", "true");
        String rest = ctx.path().substring(LEGACY.length());
        ctx.header("Link", "<" + BASE + rest + ">; rel=\"successor-version\"");
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private static dev.arbiter.server.auth.Principal caller(Context ctx) {
        return WorkflowHandlers.caller(ctx);
    }
}
