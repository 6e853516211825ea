package dev.arbiter.server.http;

import dev.arbiter.server.audit.AuditService;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.wire.audit.AuditSearchRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The audit routes (contract §5.2, plus chain verification), scoped to the caller's tenant. Thread-safe. */
final class AuditHandlers {
    private static final String BASE = "/api/v1/audit";

    private final AuditService audit;

    AuditHandlers(AuditService audit) {
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE + "/search", this::search);
        routes.get(
                BASE + "/verify",
                ctx -> ctx.json(audit.verify(WorkflowHandlers.caller(ctx).tenant())));
        routes.get(BASE + "/tenant/{tenant_id}", this::tenant);
    }

    private void search(Context ctx) {
        AuditSearchRequest request = Bodies.optional(ctx, AuditSearchRequest.class, AuditSearchRequest.all());
        ctx.json(audit.search(WorkflowHandlers.caller(ctx), request));
    }

    /** The older listing route; another tenant's listing is a 404, as everywhere. */
    private void tenant(Context ctx) {
        var caller = WorkflowHandlers.caller(ctx);
        if (!caller.tenant().equals(ctx.pathParam("tenant_id"))) {
            throw ApiException.notFound("Tenant not found");
        }
        AuditSearchRequest request = new AuditSearchRequest(
                null, null, null, null, null, null, Queries.limit(ctx, 50, 1000), Queries.offset(ctx));
        ctx.json(audit.search(caller, request));
    }
}
