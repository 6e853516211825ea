package dev.arbiter.client;

/**
 * HTTP 5xx: Arbiter (or a proxy in front of it) could not answer. Counts as a failure for the circuit
 * breaker; 502, 503 and 504 are retriable, 500 is not.
 */
public final class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    ServerException(ErrorBody body) {
        super(body);
    }
}
