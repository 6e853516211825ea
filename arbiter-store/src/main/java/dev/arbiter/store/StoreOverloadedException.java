package dev.arbiter.store;

/**
 * A write refused without being run because too many writes are already waiting for the writer: under an
 * overload, answering "try again" at once keeps latency bounded for the writes already accepted, where
 * queueing without limit would make every answer late. Nothing was written.
 */
public final class StoreOverloadedException extends StoreException {
    private static final long serialVersionUID = 1L;

    StoreOverloadedException(int waiting) {
        super("too many writes waiting (" + waiting + "); nothing was written, retry shortly");
    }
}
