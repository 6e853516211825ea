package dev.arbiter.server.http;

import dev.arbiter.server.webhook.WebhookService;
import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.UpdateWebhookRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The webhook subscription routes (contract §1.1, last row), in the Workflow Control Plane's error envelope.
 * {@code PUT} is a partial update. Thread-safe.
 */
final class WebhookHandlers {
    private static final String BASE = "/api/v1/webhooks";

    private final WebhookService webhooks;

    WebhookHandlers(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", ctx -> ctx.json(webhooks.get(WorkflowHandlers.caller(ctx), id(ctx))));
        routes.put(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        CreateWebhookRequest request = Bodies.required(ctx, CreateWebhookRequest.class);
        ctx.status(201).json(webhooks.create(WorkflowHandlers.caller(ctx), request));
    }

    private void list(Context ctx) {
        ctx.json(webhooks.list(WorkflowHandlers.caller(ctx), Queries.limit(ctx, 100, 1000), Queries.offset(ctx)));
    }

    private void update(Context ctx) {
        UpdateWebhookRequest request = Bodies.required(ctx, UpdateWebhookRequest.class);
        ctx.json(webhooks.update(WorkflowHandlers.caller(ctx), id(ctx), request));
    }

    private void delete(Context ctx) {
        webhooks.delete(WorkflowHandlers.caller(ctx), id(ctx));
        ctx.status(204);
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }
}
