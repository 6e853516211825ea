package dev.arbiter.store;

/**
 * What every contract suite needs: the database under test and its clock. Concrete suites (H2, PostgreSQL)
 * open one database per class; tests isolate themselves with fresh tenant ids.
 */
public interface StoreContract {
    Database db();

    MutableClock clock();

    /**
     * Runs {@code work} in its own transaction on its own connection, past this process's writer thread, as
     * another replica of the server would: for tests of what row locks and SKIP LOCKED guarantee between
     * processes.
     */
    default <T> T inOtherReplica(TransactionWork<T, RuntimeException> work) {
        Database db = db();
        return db.jdbi().inTransaction(handle -> {
            Tx tx = new Tx(handle, clock(), new Ids(), db.dialect());
            T result = work.run(tx);
            tx.audit().writePending();
            return result;
        });
    }
}
