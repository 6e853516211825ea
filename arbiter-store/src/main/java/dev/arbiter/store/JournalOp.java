package dev.arbiter.store;

import java.util.List;

/**
 * One thing the writer's connection did within a batch, as the {@link Journal} keeps it: enough to do it
 * again, in the same order, on the state the batch started from ({@link JournalReplay}).
 */
sealed interface JournalOp {
    /**
     * A statement that may change data, with the parameter setters called on it before it ran, and whether it
     * succeeded (a failed statement is replayed too: it must fail again, and it may have used identity values).
     */
    record Execute(String sql, List<JournalParameter> parameters, boolean succeeded) implements JournalOp {
        public Execute {
            parameters = List.copyOf(parameters);
        }
    }

    /** {@code Connection.setSavepoint(name)}. */
    record Savepoint(String name) implements JournalOp {}

    /** {@code Connection.rollback(savepoint)}. */
    record RollbackTo(String name) implements JournalOp {}

    /** {@code Connection.releaseSavepoint(savepoint)}. */
    record Release(String name) implements JournalOp {}
}
