package dev.arbiter.server.webhook;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.Webhook;
import dev.arbiter.wire.webhook.WebhookEventType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** What a subscription may hold; every violation is a 400 naming the field. Stateless. */
final class WebhookRules {
    private static final String KNOWN = Arrays.stream(WebhookEventType.values())
                    .map(WebhookEventType::wireName)
                    .collect(Collectors.joining(", "))
            + " or " + WebhookEventType.ALL;

    private WebhookRules() {}

    /** An absolute http or https URL with a host, of at most {@link Webhook#MAX_URL} characters. */
    static String url(String url) {
        if (url.isBlank()) {
            throw ApiException.badRequest("url is required");
        }
        if (url.length() > Webhook.MAX_URL) {
            throw ApiException.badRequest("url must be at most " + Webhook.MAX_URL + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // Reported below, without the parser's wording.
        }
        throw ApiException.badRequest("url must be an absolute http or https URL, got '" + shorten(url) + "'");
    }

    /** Known event names or {@code *}, at least one; duplicates are dropped, the order kept. */
    static List<String> events(List<String> events) {
        if (events.isEmpty()) {
            throw ApiException.badRequest("events must name at least one event (" + KNOWN + ")");
        }
        for (String event : events) {
            if (!event.equals(WebhookEventType.ALL)
                    && WebhookEventType.fromWireName(event).isEmpty()) {
                throw ApiException.badRequest(
                        "events: unknown event '" + shorten(event) + "'; known events are " + KNOWN);
            }
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }

    /** The secret to store: {@code null} for none (absent or empty), else at most {@link Webhook#MAX_SECRET}. */
    static @Nullable String secret(@Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (secret.length() > Webhook.MAX_SECRET) {
            throw ApiException.badRequest("secret must be at most " + Webhook.MAX_SECRET + " characters");
        }
        return secret;
    }

    /** True when a subscription to {@code events} receives {@code type}. */
    static boolean subscribes(List<String> events, WebhookEventType type) {
        return events.contains(WebhookEventType.ALL) || events.contains(type.wireName());
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }
}
