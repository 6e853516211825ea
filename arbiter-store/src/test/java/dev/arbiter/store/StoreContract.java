package dev.arbiter.store;

/**
 * What every contract suite needs: the database under test and its clock. Concrete suites (H2, PostgreSQL)
 * open one database per class; tests isolate themselves with fresh tenant ids.
 */
public interface StoreContract {
    Database db();

    MutableClock clock();

    /**
     * Runs {@code work} as another replica of the server would: in its own transaction on its own connection,
     * past this process's writer thread, for tests of what row locks guarantee between processes. A database
     * that only this process writes ({@link RowLocks#NEEDLESS}: embedded or in memory) has no other replica,
     * and its transactions take no row locks that such a stranger would respect, so there the work runs on
     * the writer like any other.
     */
    default <T> T inOtherReplica(TransactionWork<T, RuntimeException> work) {
        return db().rowLocks() == RowLocks.NEEDLESS ? db().inTransaction(work) : onOwnConnection(work);
    }

    /**
     * Runs {@code work} in its own transaction on its own connection, past this process's writer thread, with
     * row locks: for what {@code SKIP LOCKED} guarantees between connections, which holds on every database.
     */
    default <T> T onOwnConnection(TransactionWork<T, RuntimeException> work) {
        Database db = db();
        return db.jdbi().inTransaction(handle -> {
            Tx tx = new Tx(handle, clock(), new Ids(), db.dialect());
            T result = work.run(tx);
            tx.audit().writePending();
            return result;
        });
    }
}
