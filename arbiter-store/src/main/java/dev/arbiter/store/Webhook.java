package dev.arbiter.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's webhook subscription as stored.
 *
 * @param tenantId owning tenant; every lookup is scoped by it
 * @param id {@code wh_} and 24 random characters
 * @param url where deliveries are POSTed, at most {@link #MAX_URL} characters (validated by the API)
 * @param events event names or {@code *}, at least one, none containing a comma
 * @param secret the HMAC signing secret as given, or {@code null} for unsigned deliveries; never logged
 * @param active whether events are delivered to it
 * @param createdAt creation time
 * @param updatedAt last change
 */
public record Webhook(
        String tenantId,
        String id,
        String url,
        List<String> events,
        @Nullable String secret,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {
    /** Longest URL the column holds. */
    public static final int MAX_URL = 2048;

    /** Longest secret the column holds. */
    public static final int MAX_SECRET = Limits.NAME;

    public Webhook {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a webhook needs at least one event");
        }
        for (String event : events) {
            if (event.isBlank() || event.contains(",")) {
                throw new IllegalArgumentException("an event name is blank or contains a comma: '" + event + "'");
            }
        }
    }

    /** This subscription with new settings, changed at {@code now}. */
    public Webhook with(
            String newUrl, List<String> newEvents, @Nullable String newSecret, boolean nowActive, Instant now) {
        return new Webhook(tenantId, id, newUrl, newEvents, newSecret, nowActive, createdAt, now);
    }

    /** True when deliveries are signed. */
    public boolean hasSecret() {
        return secret != null;
    }

    /** Everything but the secret, which must never reach a log. */
    @Override
    public String toString() {
        return "Webhook[tenantId=" + tenantId + ", id=" + id + ", url=" + url + ", events=" + events + ", secret="
                + (secret == null ? "<unset>" : "<masked>") + ", active=" + active + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
