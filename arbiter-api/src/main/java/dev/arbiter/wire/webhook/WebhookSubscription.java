package dev.arbiter.wire.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the API shows it (getaxonflow/axonflow-sdk-typescript {@code WebhookSubscription}),
 * plus {@code has_secret}: the secret itself is never returned.
 *
 * @param id {@code wh_...}
 * @param url where events are POSTed
 * @param events the subscribed event names, or {@code *}
 * @param active whether events are delivered
 * @param createdAt creation time
 * @param updatedAt last change
 * @param hasSecret whether deliveries are signed
 */
public record WebhookSubscription(
        String id,
        String url,
        List<String> events,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        boolean hasSecret) {
    /** Copies the events. */
    public WebhookSubscription {
        events = List.copyOf(events);
    }
}
