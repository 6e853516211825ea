package dev.arbiter.server.webhook;

import dev.arbiter.store.OutboxMessage;
import dev.arbiter.store.Tx;
import dev.arbiter.store.Webhook;
import org.jspecify.annotations.Nullable;

/**
 * A claimed outbox message with its delivery and its subscription as they were when it was claimed.
 *
 * @param message the claimed message; {@code attempts} counts this claim
 * @param delivery what to send, or {@code null} if the payload is unreadable
 * @param target the subscription, or {@code null} if it was deleted since the event
 */
record ClaimedDelivery(
        OutboxMessage message,
        @Nullable Delivery delivery,
        @Nullable Webhook target) {
    /** Reads the delivery and its subscription in the claiming transaction. */
    static ClaimedDelivery of(OutboxMessage m, Tx tx) {
        Delivery d;
        try {
            d = Delivery.fromJson(m.payloadJson());
        } catch (IllegalArgumentException e) {
            return new ClaimedDelivery(m, null, null);
        }
        return new ClaimedDelivery(
                m, d, tx.webhooks().find(m.tenantId(), d.webhookId()).orElse(null));
    }
}
