package dev.arbiter.client;

/**
 * HTTP 5xx: Arbiter (or a proxy in front of it) could not answer. Counts as a failure for the circuit
 * breaker; 502, 503 and 504 are retriable, 500 is not. An overloaded Arbiter answers 503 with
 * {@code Retry-After: 1} ({@link #retryAfter()}) and has then written nothing.
 */
public final class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    ServerException(ErrorBody body) {
        super(body);
    }
}
