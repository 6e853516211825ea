package dev.arbiter.store;

/** An insert collided with an existing row (a unique or primary key); nothing of the transaction was kept. */
public final class DuplicateKeyException extends StoreException {
    private static final long serialVersionUID = 1L;

    DuplicateKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
