package dev.arbiter.client;

import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.ListWebhooksResponse;
import dev.arbiter.wire.webhook.UpdateWebhookRequest;
import dev.arbiter.wire.webhook.WebhookSubscription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Webhook subscriptions at {@code /api/v1/webhooks} (docs/webhooks.md); from {@link ArbiterClient#webhooks()}.
 * Subscriptions belong to the caller's tenant: another tenant's is a {@link NotFoundException}. Reads are
 * retried like reads; writes are not. Thread-safe.
 */
public final class Webhooks {
    private final ResourceCalls<WebhookSubscription> calls;

    Webhooks(Transport transport, Codec codec) {
        this.calls = new ResourceCalls<>(
                transport, codec, "/api/v1/webhooks", "webhookId", WebhookSubscription.class, Shapes::webhook);
    }

    /**
     * Subscribes a URL to Workflow Control Plane events (201); the secret, if any, signs each delivery and is
     * never returned ({@link WebhookSubscription#hasSecret()}). An invalid URL or event name is a
     * {@link ValidationException}. Not retried, as a repeat would subscribe twice.
     */
    public WebhookSubscription create(CreateWebhookRequest request) {
        return Futures.await(createAsync(request));
    }

    /** Async {@link #create(CreateWebhookRequest)}. */
    public CompletableFuture<WebhookSubscription> createAsync(CreateWebhookRequest request) {
        return calls.create(request);
    }

    /** The tenant's webhook subscriptions, oldest first, with the server's default page (100). */
    public ListWebhooksResponse list() {
        return Futures.await(calls.list(Map.of(), ListWebhooksResponse.class, Shapes::webhookList));
    }

    /** One page of the tenant's webhook subscriptions, oldest first: at most {@code limit} (1..1000). */
    public ListWebhooksResponse list(int limit, int offset) {
        return Futures.await(listAsync(limit, offset));
    }

    /** Async {@link #list(int, int)}. */
    public CompletableFuture<ListWebhooksResponse> listAsync(int limit, int offset) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be within 1..1000: " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("limit", limit);
        query.put("offset", offset);
        return calls.list(query, ListWebhooksResponse.class, Shapes::webhookList);
    }

    /** One of the tenant's webhook subscriptions; {@link NotFoundException} also for another tenant's. */
    public WebhookSubscription get(String webhookId) {
        return Futures.await(getAsync(webhookId));
    }

    /** Async {@link #get(String)}. */
    public CompletableFuture<WebhookSubscription> getAsync(String webhookId) {
        return calls.get(webhookId);
    }

    /**
     * Changes a subscription: the members set in the request replace the stored ones, the others stay
     * ({@code new UpdateWebhookRequest(null, null, null, false)} pauses it); an empty secret removes the secret.
     */
    public WebhookSubscription update(String webhookId, UpdateWebhookRequest request) {
        return Futures.await(updateAsync(webhookId, request));
    }

    /** Async {@link #update(String, UpdateWebhookRequest)}. */
    public CompletableFuture<WebhookSubscription> updateAsync(String webhookId, UpdateWebhookRequest request) {
        return calls.update(webhookId, request);
    }

    /** Deletes a subscription (204); deliveries not yet made to it are dropped. Not retried. */
    public void delete(String webhookId) {
        Futures.await(deleteAsync(webhookId));
    }

    /** Async {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String webhookId) {
        return calls.delete(webhookId);
    }
}
