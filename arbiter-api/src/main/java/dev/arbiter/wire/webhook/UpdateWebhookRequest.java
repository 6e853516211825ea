package dev.arbiter.wire.webhook;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/v1/webhooks/{id}}: a partial update, as the AxonFlow TypeScript SDK's
 * {@code UpdateWebhookRequest} has every field optional. An absent (or {@code null}) field keeps its value.
 *
 * @param url a new URL, with the same rules as on create
 * @param events new event names, replacing the old ones; at least one
 * @param secret a new signing secret; the empty string removes the secret
 * @param active whether events are delivered
 */
public record UpdateWebhookRequest(
        @Nullable String url,
        @Nullable List<String> events,
        @Nullable String secret,
        @Nullable Boolean active) {
    /** Copies the events. */
    public UpdateWebhookRequest {
        if (events != null && events.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("events must not contain null");
        }
        events = events == null ? null : List.copyOf(events);
    }
}
