package dev.arbiter.client;

/**
 * HTTP 429: too many requests, or too many concurrent workflows ({@code CONCURRENT_EXECUTION_LIMIT}).
 * Retriable; {@link #retryAfter()} says when, if the server did.
 */
public final class RateLimitedException extends ApiException {
    private static final long serialVersionUID = 1L;

    RateLimitedException(ErrorBody body) {
        super(body);
    }
}
