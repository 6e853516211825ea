package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/**
 * Arbiter gave no answer: the connection failed, the call timed out, or the circuit breaker is open
 * and the call was skipped. A gate that ends this way is resolved by the client's {@link FailureMode}.
 */
public sealed class ArbiterUnavailableException extends ArbiterException
        permits ArbiterTimeoutException, CircuitOpenException {
    private static final long serialVersionUID = 1L;

    ArbiterUnavailableException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}
