package dev.arbiter.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.wire.Json;
import java.util.Objects;

/**
 * One event for one subscription, as the outbox keeps it until it is delivered. The body is kept as the
 * exact text to POST, so every retry sends (and signs) the same bytes.
 *
 * @param webhookId the subscription; its URL and secret are read when the delivery is attempted
 * @param deliveryId {@code dlv_...}, sent as {@code X-Arbiter-Delivery} on every attempt
 * @param event the event name, sent as {@code X-Arbiter-Event}
 * @param body the JSON body
 */
record Delivery(String webhookId, String deliveryId, String event, String body) {
    /** The outbox topic deliveries are queued under. */
    static final String TOPIC = "webhook";

    Delivery {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(body, "body");
    }

    /** This delivery as outbox payload text. */
    String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a delivery as JSON", e);
        }
    }

    /** A delivery read back from outbox payload text; an unreadable payload is an {@link IllegalArgumentException}. */
    static Delivery fromJson(String payload) {
        try {
            return Json.mapper().readValue(payload, Delivery.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable webhook delivery in the outbox", e);
        }
    }
}
