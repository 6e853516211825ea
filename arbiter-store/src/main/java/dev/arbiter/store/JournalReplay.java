package dev.arbiter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Brings an embedded database up to date from its {@link Journal} when it opens: every batch recorded after
 * the one the database file ends with ({@code journal_position}) is done again, statement by statement, in
 * its own transaction, starting from the identity values it started from. Refuses to open (a
 * {@link StoreException}) when a record is missing or a statement that succeeded fails: the database would
 * otherwise lose writes silently.
 */
final class JournalReplay {
    private static final System.Logger LOG = System.getLogger(JournalReplay.class.getName());

    private JournalReplay() {}

    /** Replays what the database lacks; returns the seq of the last batch the database now holds. */
    static long run(Jdbi jdbi, Journal journal, H2Internals h2) {
        long position = position(jdbi);
        List<JournalRecord> records = journal.readAll();
        long expected = position + 1;
        int replayed = 0;
        for (JournalRecord record : records) {
            if (record.seq() < expected) {
                continue; // already in the database file
            }
            if (record.seq() != expected) {
                throw new StoreException("the journal lacks batch " + expected + " (next is " + record.seq()
                        + "): the database file ends at batch " + position + "; refusing to start without them");
            }
            apply(jdbi, h2, record);
            expected++;
            replayed++;
        }
        if (replayed > 0) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "replayed {0} journal batches the database file lacked (now at batch {1})",
                    replayed,
                    expected - 1);
        }
        return expected - 1;
    }

    /** The seq of the last batch the database holds. */
    static long position(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq FROM journal_position WHERE id = 1")
                .mapTo(Long.class)
                .one());
    }

    private static void apply(Jdbi jdbi, H2Internals h2, JournalRecord record) {
        try (Handle handle = jdbi.open()) {
            h2.restartIdentities(handle, record.identityBases());
            handle.begin();
            try {
                replayOps(handle.getConnection(), record);
                handle.commit();
            } catch (SQLException | RuntimeException e) {
                handle.rollback();
                throw new StoreException("journal batch " + record.seq() + " no longer applies: " + e.getMessage(), e);
            }
        }
    }

    private static void replayOps(Connection connection, JournalRecord record) throws SQLException {
        Map<String, Savepoint> savepoints = new HashMap<>();
        for (JournalOp op : record.ops()) {
            switch (op) {
                case JournalOp.Execute e -> execute(connection, e, record.seq());
                case JournalOp.Savepoint s -> savepoints.put(s.name(), connection.setSavepoint(s.name()));
                case JournalOp.RollbackTo r -> connection.rollback(savepoint(savepoints, r.name()));
                case JournalOp.Release r -> connection.releaseSavepoint(savepoint(savepoints, r.name()));
            }
        }
    }

    private static void execute(Connection connection, JournalOp.Execute op, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(op.sql())) {
            for (JournalParameter parameter : op.parameters()) {
                parameter.applyTo(statement);
            }
            statement.execute();
            if (!op.succeeded()) {
                // It failed when recorded (e.g. waiting for a lock another process held) and succeeds now. A
                // failed statement's work is rolled back with its savepoint, so the batch still ends the same.
                LOG.log(System.Logger.Level.WARNING, "journal batch {0}: a statement that failed succeeds now", seq);
            }
        } catch (SQLException e) {
            if (op.succeeded()) {
                throw e;
            }
            // Failed then, fails now: as recorded.
        }
    }

    private static Savepoint savepoint(Map<String, Savepoint> savepoints, String name) {
        Savepoint savepoint = savepoints.get(name);
        if (savepoint == null) {
            throw new StoreException("the journal rolls back to an unknown savepoint " + name);
        }
        return savepoint;
    }
}
