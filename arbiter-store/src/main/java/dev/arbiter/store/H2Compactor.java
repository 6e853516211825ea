package dev.arbiter.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;

/**
 * Keeps an embedded H2 file from growing without bound. With {@code WRITE_DELAY=0} every commit writes a
 * new chunk and H2's background housekeeping, which rewrites sparse chunks so that their space can be
 * reused, does not run: measured, the file then grew by ~25 KB per commit for as long as the load lasted
 * (2.7 GB after 100,000 single-write commits and still growing). Each {@link #run} rewrites sparse chunks a
 * little at a time ({@link MVStore#compact} with a 2 MiB budget), as the housekeeping would; the
 * {@link GroupCommitWriter} runs it between batches every 250 ms, on its own thread, so that compaction
 * never writes while a transaction is changing the maps. Each run stalls the writer (10 ms at the median,
 * up to 76 ms under B1's load); 256 KiB every 25 ms cut that, but the crash loop (docs/storage.md) then lost
 * acknowledged commits once in 24 kill cycles, against none in 115 with these values, so they stay until
 * that is understood. It reaches the MVStore through H2's engine
 * classes (H2 is pinned); if they are not reachable it logs once and does nothing. Not thread-safe: run by
 * the writer thread only.
 */
final class H2Compactor implements Runnable {
    private static final System.Logger LOG = System.getLogger(H2Compactor.class.getName());
    private static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_BUDGET = 2 * 1024 * 1024;

    private final MVStore store;

    private H2Compactor(MVStore store) {
        this.store = store;
    }

    /** A compactor for the store behind {@code dataSource}, an embedded H2 file this process owns, if reachable. */
    static @Nullable H2Compactor of(DataSource dataSource) {
        MVStore store = mvStore(dataSource);
        return store == null ? null : new H2Compactor(store);
    }

    @Override
    public void run() {
        if (!store.isClosed()) {
            store.compact(TARGET_FILL_RATE, WRITE_BUDGET);
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
}
