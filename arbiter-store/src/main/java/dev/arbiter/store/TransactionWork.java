package dev.arbiter.store;

/**
 * Work done inside one database transaction; see {@link Database#inTransaction}.
 *
 * @param <T> the result
 * @param <X> a checked exception the work may throw through
 */
@FunctionalInterface
public interface TransactionWork<T, X extends Exception> {
    /** Runs with the transaction's repositories; throwing rolls everything back. */
    T run(Tx tx) throws X;
}
