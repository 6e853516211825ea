package dev.arbiter.client;

import java.util.Optional;

/**
 * HTTP 409 {@code IDEMPOTENCY_KEY_MISMATCH}: the step was first gated with another idempotency key, and
 * the key is immutable once recorded.
 */
public final class IdempotencyKeyMismatchException extends ConflictException {
    private static final long serialVersionUID = 1L;

    IdempotencyKeyMismatchException(ErrorBody body) {
        super(body);
    }

    /** The key recorded on the step ({@code ""} when the step has none), if the server said. */
    public Optional<String> expectedKey() {
        return detail("expected_idempotency_key");
    }

    /** The key this request carried ({@code ""} when none), if the server said. */
    public Optional<String> receivedKey() {
        return detail("received_idempotency_key");
    }

    private Optional<String> detail(String name) {
        Object value = details().get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }
}
