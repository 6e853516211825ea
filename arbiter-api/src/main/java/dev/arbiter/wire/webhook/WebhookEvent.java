package dev.arbiter.wire.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * The JSON body Arbiter POSTs to a subscriber for one event. Every subscriber of the event receives the same
 * body; the {@code X-Arbiter-Delivery} header tells deliveries apart and stays the same across retries.
 *
 * @param id {@code evt_...}, the same for every subscriber of this event
 * @param event the event name, a {@link WebhookEventType} wire name (a string, so that a reader built today
 *     accepts events added later)
 * @param createdAt when the state change committed (RFC 3339)
 * @param tenantId the tenant whose workflow changed
 * @param data what changed
 */
public record WebhookEvent(String id, String event, Instant createdAt, String tenantId, WebhookEventData data) {
    /** Checks that every field is present. */
    public WebhookEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(data, "data");
    }
}
