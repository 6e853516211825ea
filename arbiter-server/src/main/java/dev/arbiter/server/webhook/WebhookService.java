package dev.arbiter.server.webhook;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.Database;
import dev.arbiter.store.Page;
import dev.arbiter.store.Webhook;
import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.ListWebhooksResponse;
import dev.arbiter.wire.webhook.UpdateWebhookRequest;
import dev.arbiter.wire.webhook.WebhookSubscription;

/**
 * A tenant's webhook subscriptions (contract §1.1, last row): create, list, read, update (partial: absent
 * fields keep their values) and delete. Every request is validated before anything is written; another
 * tenant's subscription is a 404. The secret is stored for signing and never returned. Thread-safe.
 */
public final class WebhookService {
    static final String NOT_FOUND = "Webhook not found";

    private final Database database;

    /** A service over {@code database}. */
    public WebhookService(Database database) {
        this.database = database;
    }

    /** Subscribes the caller's tenant; {@code active} defaults to true. */
    public WebhookSubscription create(Principal caller, CreateWebhookRequest request) {
        String url = WebhookRules.url(request.url());
        var events = WebhookRules.events(request.events());
        String secret = WebhookRules.secret(request.secret());
        boolean active = request.active() == null || request.active();
        return toWire(database.inTransaction(tx -> tx.webhooks().create(caller.tenant(), url, events, secret, active)));
    }

    /** One page of the caller's subscriptions, oldest first, with the tenant's total. */
    public ListWebhooksResponse list(Principal caller, int limit, int offset) {
        Page<Webhook> page = database.read(tx -> tx.webhooks().list(caller.tenant(), limit, offset));
        return new ListWebhooksResponse(
                page.items().stream().map(WebhookService::toWire).toList(), Math.toIntExact(page.total()));
    }

    /** One of the caller's subscriptions. */
    public WebhookSubscription get(Principal caller, String id) {
        return toWire(database.read(
                tx -> tx.webhooks().find(caller.tenant(), id).orElseThrow(() -> ApiException.notFound(NOT_FOUND))));
    }

    /** Changes the fields present in {@code request}; an empty secret removes the secret. */
    public WebhookSubscription update(Principal caller, String id, UpdateWebhookRequest request) {
        String url = request.url() == null ? null : WebhookRules.url(request.url());
        var events = request.events() == null ? null : WebhookRules.events(request.events());
        String secret = request.secret() == null ? null : WebhookRules.secret(request.secret());
        return toWire(database.inTransaction(tx -> {
            Webhook current =
                    tx.webhooks().find(caller.tenant(), id).orElseThrow(() -> ApiException.notFound(NOT_FOUND));
            Webhook changed = current.with(
                    url == null ? current.url() : url,
                    events == null ? current.events() : events,
                    request.secret() == null ? current.secret() : secret,
                    request.active() == null ? current.active() : request.active(),
                    tx.now());
            tx.webhooks().update(changed);
            return changed;
        }));
    }

    /** Deletes a subscription; deliveries not yet made to it are dropped. */
    public void delete(Principal caller, String id) {
        boolean deleted = database.inTransaction(tx -> tx.webhooks().delete(caller.tenant(), id));
        if (!deleted) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    static WebhookSubscription toWire(Webhook w) {
        return new WebhookSubscription(
                w.id(), w.url(), w.events(), w.active(), w.createdAt(), w.updatedAt(), w.hasSecret());
    }
}
