/**
 * Webhooks: tenants' subscriptions ({@link dev.arbiter.server.webhook.WebhookService}), the events the
 * Workflow Control Plane enqueues in the transaction of the state change that causes them
 * ({@link dev.arbiter.server.webhook.WebhookEvents}), and their delivery by a worker that drains the outbox
 * ({@link dev.arbiter.server.webhook.WebhookDispatcher}). Design notes: {@code docs/webhooks.md}.
 */
@NullMarked
package dev.arbiter.server.webhook;

import org.jspecify.annotations.NullMarked;
