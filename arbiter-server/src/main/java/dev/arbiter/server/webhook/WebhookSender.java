package dev.arbiter.server.webhook;

import dev.arbiter.server.Version;
import dev.arbiter.store.Webhook;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * POSTs one delivery to its subscriber: JSON body, {@code X-Arbiter-Event}, {@code X-Arbiter-Delivery} and,
 * for a subscription with a secret, {@code X-Arbiter-Signature} (also sent as {@code X-AxonFlow-Signature}).
 * Redirects are not followed: a subscriber answers at the URL it registered. Thread-safe.
 */
final class WebhookSender implements AutoCloseable {
    private final HttpClient http;
    private final Duration timeout;

    WebhookSender(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Empty when the subscriber answered 2xx; otherwise why the attempt failed, safe to store and log. */
    Optional<String> send(Webhook target, Delivery delivery) {
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "arbiter-webhooks/" + Version.current())
                    .header("X-Arbiter-Event", delivery.event())
                    .header("X-Arbiter-Delivery", delivery.deliveryId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid URL");
        }
        String secret = target.secret();
        if (secret != null) {
            String signature = Signatures.sign(secret, body);
            request.header("X-Arbiter-Signature", signature).header("X-AxonFlow-Signature", signature);
        }
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status >= 200 && status < 300 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Optional.of("timed out after " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return Optional.of(why.length() <= 500 ? why : why.substring(0, 500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted by shutdown");
        }
    }

    /** Aborts requests still in flight; call once no delivery is running. */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
