package dev.arbiter.store;

/** What the store's writer thread spends its time on; reported per phase as a metric. */
public enum WriterPhase {
    /** Running the waiting writes' statements and the batch's audit appends. */
    WORK,
    /**
     * Committing: on H2 the chunk write of every changed page (with the journal: the journal append and its
     * flush), on PostgreSQL the WAL flush.
     */
    COMMIT,
    /** H2 file compaction between batches. */
    HOUSEKEEPING,
    /** Writing the H2 file at a checkpoint, when the journal defers H2's writes. */
    CHECKPOINT
}
