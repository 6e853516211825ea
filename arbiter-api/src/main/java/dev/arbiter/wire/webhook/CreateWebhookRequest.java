package dev.arbiter.wire.webhook;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/webhooks} (getaxonflow/axonflow-sdk-typescript {@code CreateWebhookRequest}).
 *
 * @param url where events are POSTed: an absolute http or https URL of at most 2,048 characters
 * @param events event names ({@link WebhookEventType}) or {@code *}; at least one
 * @param secret signs each delivery (HMAC-SHA256) when present and not empty; never returned
 * @param active whether events are delivered; {@code true} when absent
 */
public record CreateWebhookRequest(
        String url,
        List<String> events,
        @Nullable String secret,
        @Nullable Boolean active) {
    /** Checks the required fields and copies the events. */
    public CreateWebhookRequest {
        if (url == null) {
            throw new IllegalArgumentException("url is required");
        }
        if (events == null) {
            throw new IllegalArgumentException("events is required");
        }
        if (events.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("events must not contain null");
        }
        events = List.copyOf(events);
    }
}
