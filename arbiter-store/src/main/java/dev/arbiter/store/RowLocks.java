package dev.arbiter.store;

/**
 * Whether a transaction's reads for update lock their rows. They must wherever another writer may run at the
 * same time: on PostgreSQL (other replicas) and on an H2 database that other processes write. On the
 * embedded H2 database this process owns, every write transaction runs on the one writer thread
 * ({@link GroupCommitWriter}), one after the other, so the lock can exclude nobody; and H2 parses a
 * {@code SELECT ... FOR UPDATE} afresh every time (it caches no such plan) and writes a lock entry for the
 * row, which cost the step gate 7 % of the writer's time (docs/benchmarks.md, B1 session 6).
 */
enum RowLocks {
    /** Reads for update lock their rows until the transaction ends. */
    TAKEN(" FOR UPDATE"),
    /** Every writer is this process's writer thread: reads for update are plain reads. */
    NEEDLESS("");

    private final String clause;

    RowLocks(String clause) {
        this.clause = clause;
    }

    /** What ends a {@code SELECT} that reads rows for update. */
    String forUpdate() {
        return clause;
    }
}
