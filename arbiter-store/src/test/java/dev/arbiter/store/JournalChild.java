package dev.arbiter.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A separate JVM for {@link JournalIT}: four threads commit, forever, writes that use what a journal replay
 * must reproduce exactly: identity values (a gate record's id, printed with the acknowledgement), statements
 * that fail inside a write that goes on (a duplicate insert caught by the work), and writes that fail after
 * using an identity value (rolled back to their savepoint within a batch). Prints {@code ack <workflow>
 * <gate record id>} after each commit returns, until it is killed.
 */
final class JournalChild {
    /** Keeps the ids of successive runs on one data directory apart. */
    private static final long RUN = System.nanoTime();

    private JournalChild() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.open(DatabaseConfig.embedded(Path.of(args[0])), Clock.systemUTC());
        System.out.println("ready");
        System.out.flush();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread.ofPlatform().start(() -> run(db, thread));
        }
        Thread.currentThread().join();
    }

    private static void run(Database db, int thread) {
        for (int i = 1; ; i++) {
            String id = "wf_j_" + RUN + "_" + thread + "_" + i;
            boolean duplicate = i % 5 == 0;
            long gateRecord = db.inTransaction((Tx tx) -> {
                tx.workflows().insert(Fixtures.workflow("journal", id, tx.now()));
                if (duplicate) {
                    try {
                        tx.workflows().insert(Fixtures.workflow("journal", id, tx.now()));
                    } catch (UnableToExecuteStatementException expected) {
                        // The failed statement stays in the batch; the write goes on.
                    }
                }
                long recordId = tx.gateRecords().append(record(id, tx.now()));
                tx.audit()
                        .append(AuditEntry.builder("journal", id, "step_gate", "allowed")
                                .build());
                return recordId;
            });
            if (i % 7 == 0) {
                try {
                    db.inTransaction((Tx tx) -> {
                        tx.gateRecords().append(record(id + "_failed", tx.now()));
                        throw new IllegalStateException("rolled back after using an identity value");
                    });
                } catch (IllegalStateException expected) {
                    // As intended.
                }
            }
            synchronized (System.out) {
                System.out.println("ack " + id + " " + gateRecord);
                System.out.flush();
            }
        }
    }

    static GateRecord record(String workflowId, Instant at) {
        return new GateRecord(
                0,
                "journal",
                workflowId,
                "s1",
                "dec_" + workflowId,
                at,
                "allow",
                "allow",
                "[]",
                "[]",
                1,
                1,
                "{}",
                null);
    }
}
