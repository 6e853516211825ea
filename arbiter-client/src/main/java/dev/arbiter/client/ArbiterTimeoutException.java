package dev.arbiter.client;

import org.jspecify.annotations.Nullable;

/** The call did not finish within the configured timeout ({@link ArbiterConfig#timeout()}) and was abandoned. */
public final class ArbiterTimeoutException extends ArbiterUnavailableException {
    private static final long serialVersionUID = 1L;

    ArbiterTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
