package dev.arbiter.client;

/**
 * The circuit breaker is open after repeated failures, so the call was skipped without touching the
 * network. The breaker lets one trial call through once its recovery time has passed.
 */
public final class CircuitOpenException extends ArbiterUnavailableException {
    private static final long serialVersionUID = 1L;

    CircuitOpenException(String message) {
        super(message, null);
    }
}
