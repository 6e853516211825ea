package dev.arbiter.store;

/**
 * A storage operation failed: the database is unreachable, a statement failed, or a transaction could not
 * commit. Unchecked; the server maps it to a 500 (or 503) without exposing the message.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message safe for logs (never for HTTP responses). */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates an exception without a cause. */
    public StoreException(String message) {
        super(message);
    }
}
