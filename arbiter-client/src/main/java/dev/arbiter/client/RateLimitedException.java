package dev.arbiter.client;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HTTP 429: too many requests, or too many concurrent workflows ({@code CONCURRENT_EXECUTION_LIMIT}).
 * Retriable; {@link #retryAfter()} says when, if the server did.
 */
public final class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final @Nullable Duration retryAfter;

    RateLimitedException(ErrorBody body) {
        super(body);
        this.retryAfter = body.retryAfter();
    }

    /** The server's {@code Retry-After}, if it sent one in seconds. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
