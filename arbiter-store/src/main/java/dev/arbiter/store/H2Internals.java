package dev.arbiter.store;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.schema.Sequence;
import org.h2.table.Column;
import org.h2.table.Table;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * What the journal needs from an embedded H2 database that SQL does not offer, reached through H2's engine
 * classes (H2 is pinned): its MVStore, to choose when the file is written, and the sequences behind identity
 * columns, whose next values a replay must reproduce. Thread-safe as far as H2 is.
 */
final class H2Internals {
    private static final System.Logger LOG = System.getLogger(H2Internals.class.getName());
    /**
     * H2's auto-commit delay while the journal is on: its background thread then never writes the store
     * (about 24 days between wake-ups), so every store of the file starts on the writer thread.
     */
    private static final int NO_BACKGROUND_WRITES_MS = Integer.MAX_VALUE;

    private final MVStore store;
    private final Map<String, Sequence> identities;
    /** A force of the file is queued and has not started yet (later checkpoints need no other). */
    private final AtomicBoolean syncRequested = new AtomicBoolean();

    /** H2's {@code FileStore.serializationLock}, or null if this H2 version has no such field. */
    private final @Nullable ReentrantLock serialisationLock;

    private H2Internals(MVStore store, Map<String, Sequence> identities) {
        this.store = store;
        this.identities = identities;
        this.serialisationLock = serialisationLock(store);
    }

    private static @Nullable ReentrantLock serialisationLock(MVStore store) {
        try {
            Field field = FileStore.class.getDeclaredField("serializationLock");
            field.setAccessible(true);
            return field.get(store.getFileStore()) instanceof ReentrantLock lock ? lock : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the H2 serialisation lock is not reachable; compaction may wait for it");
            return null;
        }
    }

    /** The internals of the embedded database behind {@code dataSource}; fails if they are not reachable. */
    static H2Internals of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (!(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                throw new StoreException("the journal needs an embedded H2 database in this process");
            }
            Map<String, Sequence> identities = new LinkedHashMap<>();
            for (Table table : session.getDatabase().getMainSchema().getAllTablesAndViews(session)) {
                for (Column column : table.getColumns()) {
                    Sequence sequence = column.getSequence();
                    if (sequence != null) {
                        identities.put(table.getName() + "." + column.getName(), sequence);
                    }
                }
            }
            return new H2Internals(session.getDatabase().getStore().getMvStore(), Map.copyOf(identities));
        } catch (SQLException e) {
            throw new StoreException("cannot reach the embedded H2 database: " + e.getMessage(), e);
        }
    }

    /** From now on, commits stay in memory until {@link #checkpoint}: the journal makes them durable. */
    void deferWrites() {
        store.setAutoCommitDelay(NO_BACKGROUND_WRITES_MS);
    }

    /** Every commit writes the file again (H2's {@code WRITE_DELAY=0}), e.g. while replaying or closing. */
    void writeEveryCommit() {
        store.setAutoCommitDelay(0);
    }

    /** Writes every committed change to the file and forces it to disk; returns when both are done. */
    void checkpoint() {
        if (!store.isClosed()) {
            store.commit();
            store.sync();
        }
    }

    /**
     * Starts writing every committed change to the file and returns before the write is done. The calling
     * thread takes the snapshot (the B-tree roots of one version, so the writer thread, the only one that
     * changes them, must call this between batches); H2's serialisation and save threads write it, as its
     * own background writer would, and the chunk holds exactly that version. Forcing the file to disk
     * happens on {@code syncer}, one request at a time: a force covers every chunk written before it.
     * Returns false if a store could not start now (another one holds H2's store lock).
     */
    boolean checkpointInBackground(Executor syncer) {
        if (store.isClosed()) {
            return true;
        }
        if (store.hasUnsavedChanges() && store.tryCommit() < 0 && store.hasUnsavedChanges()) {
            return false;
        }
        if (syncRequested.compareAndSet(false, true)) {
            syncer.execute(() -> {
                syncRequested.set(false);
                try {
                    if (!store.isClosed()) {
                        store.sync();
                    }
                } catch (RuntimeException e) {
                    // A close racing the force wrote and forced the file itself; anything else, the next
                    // checkpoint's force retries, and the journal still holds what the file may lack.
                    if (!store.isClosed()) {
                        LOG.log(System.Logger.Level.WARNING, "forcing the database file to disk failed", e);
                    }
                }
            });
        }
        return true;
    }

    /**
     * True while H2's serialisation thread is turning a store into a chunk. Compaction needs the same lock
     * and would wait for it on the writer thread: 20-50 ms at a time under B1's 1,000 gates/s, where the
     * serialisation thread shares two cores with everything else (docs/storage.md, "File size").
     */
    boolean isSerialising() {
        return serialisationLock != null && serialisationLock.isLocked();
    }

    /** Rewrites sparse chunks up to {@code writeBudget} bytes ({@link MVStore#compact}). */
    void compact(int targetFillRate, int writeBudget) {
        if (!store.isClosed()) {
            store.compact(targetFillRate, writeBudget);
        }
    }

    /** True if commits are waiting to be written to the file. */
    boolean hasUnsavedChanges() {
        return !store.isClosed() && store.hasUnsavedChanges();
    }

    /** The next value of each identity column, keyed by {@code table.column}. */
    Map<String, Long> identityBases() {
        Map<String, Long> bases = new LinkedHashMap<>();
        identities.forEach((name, sequence) -> bases.put(name, sequence.getBaseValue()));
        return bases;
    }

    /** Makes each identity column named in {@code bases} hand out that value next. */
    void restartIdentities(Handle handle, Map<String, Long> bases) {
        bases.forEach((name, base) -> {
            Sequence sequence = identities.get(name);
            if (sequence == null) {
                throw new StoreException("the journal names an identity column this database lacks: " + name);
            }
            if (sequence.getBaseValue() != base) {
                int dot = name.indexOf('.');
                handle.execute("ALTER TABLE " + quote(name.substring(0, dot)) + " ALTER COLUMN "
                        + quote(name.substring(dot + 1)) + " RESTART WITH " + base);
            }
        });
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
