package dev.arbiter.wire.webhook;

import java.util.List;

/**
 * Response of {@code GET /api/v1/webhooks}, oldest first.
 *
 * @param webhooks this page
 * @param total how many subscriptions the tenant has
 */
public record ListWebhooksResponse(List<WebhookSubscription> webhooks, int total) {
    /** Copies the page. */
    public ListWebhooksResponse {
        webhooks = List.copyOf(webhooks);
    }
}
