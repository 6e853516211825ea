package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the client throws; unchecked.
 *
 * <p>Four families, each a subclass:
 *
 * <ul>
 *   <li>{@link ApiException}: Arbiter answered with an error status; carries the HTTP status, the
 *       contract's error code, the message and the raw body, with one subclass per code a caller
 *       branches on ({@link WorkflowTerminalException}, {@link NotFoundException}, ...).
 *   <li>{@link ArbiterUnavailableException}: no answer at all — connection refused, timeout, or the
 *       circuit breaker is open and the call was skipped.
 *   <li>{@link UnexpectedResponseException}: a success status with a body the client cannot read.
 *   <li>{@link GateException}: a {@link WorkflowSession} stopped a step — blocked by policy, waiting
 *       for approval, approval denied or not given in time.
 * </ul>
 */
public abstract sealed class ArbiterException extends RuntimeException
        permits ApiException, ArbiterUnavailableException, UnexpectedResponseException, GateException {
    private static final long serialVersionUID = 1L;

    ArbiterException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * True when the same call may succeed if repeated later unchanged: the server was unreachable,
     * overloaded (429) or temporarily unavailable (502, 503, 504).
     */
    public boolean isRetriable() {
        return false;
    }
}
