package dev.arbiter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * Keeps an embedded H2 file from growing without bound. With {@code WRITE_DELAY=0} every commit writes a
 * new chunk (about 25 KB for a gate) and H2's background housekeeping, which rewrites sparse chunks so
 * that their space can be reused, does not run: measured, the file then grew by ~25 KB per commit for as
 * long as the load lasted (2.7 GB after 100,000 commits and still growing). This thread rewrites sparse
 * chunks a little at a time ({@link MVStore#compact} with a 2 MiB budget every 250 ms), as the
 * housekeeping would; the file then levels off at about the chunks written within H2's 45 s retention
 * time (3.6 GB at a sustained 900 commits/s; proportionally less at lower rates). It reaches the MVStore
 * through H2's engine classes (H2 is pinned); if they are not reachable it logs once and does nothing.
 *
 * <p>The thread is never interrupted: an interrupt during file I/O closes H2's {@code FileChannel}.
 * Thread-safe.
 */
final class H2Compactor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(H2Compactor.class.getName());
    private static final long PERIOD_MS = 250;
    private static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_BUDGET = 2 * 1024 * 1024;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final @Nullable Thread thread;

    private H2Compactor(@Nullable MVStore store) {
        this.thread = store == null
                ? null
                : Thread.ofPlatform().name("arbiter-h2-compactor").daemon().start(() -> run(store));
    }

    /** Starts compacting the store behind {@code dataSource}, an embedded H2 file database this process owns. */
    static H2Compactor start(DataSource dataSource) {
        return new H2Compactor(mvStore(dataSource));
    }

    private void run(MVStore store) {
        try {
            while (!stop.await(PERIOD_MS, TimeUnit.MILLISECONDS)) {
                if (store.isClosed()) {
                    return;
                }
                try {
                    store.compact(TARGET_FILL_RATE, WRITE_BUDGET);
                } catch (RuntimeException e) {
                    // Compaction is an optimisation; a failure here must not reach request handling.
                    LOG.log(System.Logger.Level.WARNING, "H2 compaction failed: {0}", e.toString());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static @Nullable MVStore mvStore(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local) {
                return local.getDatabase().getStore().getMvStore();
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "H2 store not reachable; file compaction disabled: {0}", e.toString());
            return null;
        }
    }

    /** Stops after the compaction in progress, if any, has finished. */
    @Override
    public void close() {
        stop.countDown();
        if (thread != null) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
