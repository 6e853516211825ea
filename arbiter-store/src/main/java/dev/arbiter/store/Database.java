package dev.arbiter.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * The database: a connection pool, the schema (migrated on open) and transactions. Writes
 * ({@link #inTransaction}) are run by one writer thread that commits waiting writes together
 * ({@link GroupCommitWriter}); reads ({@link #read}) run on the caller's thread, any number at once, each on
 * its own connection. Thread-safe.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int MAX_ATTEMPTS = 3;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Dialect dialect;
    private final String durability;
    private final boolean inMemory;
    private final RowLocks rowLocks;
    private final @Nullable Runnable stopOwnerServices;
    private final Ids ids = new Ids();
    private final GroupCommitWriter writer;

    private Database(
            HikariDataSource dataSource,
            Clock clock,
            DatabaseConfig config,
            String durability,
            @Nullable Runnable stopOwnerServices,
            @Nullable JournaledCommits journal) {
        this.dataSource = dataSource;
        this.jdbi = PlainSqlTemplates.install(Jdbi.create(dataSource));
        this.clock = clock;
        this.dialect = config.dialect();
        this.durability = durability;
        this.inMemory = config.jdbcUrl().startsWith("jdbc:h2:mem:");
        this.stopOwnerServices = stopOwnerServices;
        Jdbi writerJdbi = journal == null
                ? jdbi
                : PlainSqlTemplates.install(Jdbi.create(() -> journal.wrap(dataSource.getConnection())));
        // Only this process writes an embedded database it owns (the CLI's writes as a guest touch no row
        // that a transaction reads for update) or one in its memory.
        this.rowLocks = dialect == Dialect.H2 && (journal != null || inMemory) ? RowLocks.NEEDLESS : RowLocks.TAKEN;
        this.writer = new GroupCommitWriter(
                writerJdbi, clock, ids, dialect, rowLocks, journal == null ? null : journal.compactor(), journal);
    }

    /**
     * Opens the pool, checks durability settings and applies pending migrations. An embedded database and
     * its directory are created on first open. Fails with a {@link StoreException} naming the problem when
     * the database cannot be reached or migrated.
     */
    public static Database open(DatabaseConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Path dir = config.dataDir();
        return switch (config.dialect()) {
            case H2 ->
                dir == null
                        ? prepare(
                                Pools.create(config, config.jdbcUrl(), null),
                                clock,
                                config,
                                describeH2Url(config),
                                null,
                                null)
                        : openEmbedded(config, dir, clock);
            case POSTGRES -> openPostgres(config, clock);
        };
    }

    /** For an H2 URL given as is (tests, or a custom ARBITER_DATABASE_URL): what a crash would keep. */
    private static String describeH2Url(DatabaseConfig config) {
        String url = config.jdbcUrl();
        if (url.startsWith("jdbc:h2:mem:")) {
            return "H2 in memory (nothing survives a restart)";
        }
        String base = url.contains(";") ? url.substring(0, url.indexOf(';')) : url;
        if (url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=0")) {
            return "H2 " + base + ", WRITE_DELAY=0: each commit is written to the file before it returns";
        }
        LOG.log(
                System.Logger.Level.WARNING,
                "H2 URL without WRITE_DELAY=0: a crash can lose commits acknowledged in the last 500 ms");
        return "H2 " + base + " without WRITE_DELAY=0 (a crash can lose recent commits)";
    }

    private static Database openEmbedded(DatabaseConfig config, Path dir, Clock clock) {
        String file = "H2 file " + dir.resolve("arbiter.mv.db");
        HikariDataSource ds;
        try {
            ds = Pools.create(config, config.jdbcUrl(), null);
        } catch (StoreException e) {
            if (!EmbeddedShare.isInUse(e)) {
                throw e;
            }
            String guest = EmbeddedShare.guestUrl(config, dir)
                    .orElseThrow(() ->
                            new StoreException("the embedded database in " + dir + " is in use by another process", e));
            LOG.log(
                    System.Logger.Level.INFO,
                    "embedded database in {0} is open in another process; using it there",
                    dir);
            return prepare(
                    Pools.create(config.withMaxPoolSize(2), guest, null),
                    clock,
                    config,
                    file + ", reached through the process that holds it",
                    null,
                    null);
        }
        EmbeddedShare share;
        try {
            share = EmbeddedShare.start(dir);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        Path journal = dir.resolve("journal");
        return prepare(
                ds,
                clock,
                config,
                file + " with a redo journal in " + journal
                        + ": each commit is in the journal before it returns (it survives the process;"
                        + " the file is forced to disk at checkpoints every 250 ms)",
                share::close,
                journal);
    }

    private static Database openPostgres(DatabaseConfig config, Clock clock) {
        HikariDataSource ds = Pools.create(config, config.jdbcUrl(), null);
        String sync;
        try {
            sync = Pools.synchronousCommit(ds);
            if ("off".equals(sync)) {
                // The server would acknowledge commits before they are durable; override it for our
                // sessions rather than run with audit records that a crash could lose.
                LOG.log(
                        System.Logger.Level.WARNING,
                        "PostgreSQL synchronous_commit is off; Arbiter sets it on for its connections");
                ds.close();
                ds = Pools.create(config, config.jdbcUrl(), "SET synchronous_commit TO on");
                sync = Pools.synchronousCommit(ds);
            }
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot read synchronous_commit: " + e.getMessage(), e);
        }
        return prepare(ds, clock, config, "PostgreSQL synchronous_commit=" + sync, null, null);
    }

    private static Database prepare(
            HikariDataSource ds,
            Clock clock,
            DatabaseConfig config,
            String durability,
            @Nullable Runnable stopOwnerServices,
            @Nullable Path journalDir) {
        try {
            migrate(ds);
            JournaledCommits journal = journalDir == null ? null : JournaledCommits.open(ds, journalDir);
            return new Database(ds, clock, config, durability, stopOwnerServices, journal);
        } catch (RuntimeException e) {
            if (stopOwnerServices != null) {
                stopOwnerServices.run();
            }
            ds.close();
            throw e instanceof StoreException se
                    ? se
                    : new StoreException("cannot migrate database: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one READ COMMITTED write transaction and returns its result after the commit. The
     * work runs on the writer thread, possibly in one database transaction with other writes waiting at the
     * same time, each in its own savepoint ({@link GroupCommitWriter}): if {@code work} throws, everything it
     * did is rolled back and the exception propagates to the caller. A deadlock or serialization failure
     * reported by the database reruns {@code work} (up to three attempts in all), so {@code work} must have no
     * side effects outside the transaction, and it must not start another transaction of this database.
     * Database failures, including a failed commit, surface as {@link StoreException}; a unique-key violation
     * as {@link DuplicateKeyException}.
     */
    public <T, X extends Exception> T inTransaction(TransactionWork<T, X> work) throws X {
        CompletableFuture<T> result = writer.submit(work);
        try {
            return result.join();
        } catch (CompletionException e) {
            throw Database.<X>rethrow(e.getCause() == null ? e : e.getCause());
        }
    }

    /**
     * Queues {@code work} like {@link #inTransaction} without waiting: the future completes after the commit
     * (or with what the work threw, or a {@link StoreException}). For producers that keep several writes in
     * flight, such as an audit pipeline; the same rules apply to {@code work}.
     */
    public <T> CompletableFuture<T> submit(TransactionWork<T, ?> work) {
        return writer.submit(work);
    }

    /**
     * Runs read-only {@code work} in one READ COMMITTED transaction on the caller's thread, next to the writes
     * and to other reads, and returns its result; the transaction is rolled back, never committed, so
     * anything the work wrote is discarded (on PostgreSQL the connection is read-only and a write fails). A
     * deadlock or serialization failure reruns {@code work} (up to three attempts in all). Database failures
     * surface as {@link StoreException}.
     */
    public <T, X extends Exception> T read(TransactionWork<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        if (writer.isWriterThread()) {
            throw new IllegalStateException("a transaction cannot start another transaction of the same database");
        }
        for (int attempt = 1; ; attempt++) {
            try (Handle handle = jdbi.open()) {
                handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
                handle.setReadOnly(true);
                handle.begin();
                try {
                    return work.run(new Tx(handle, clock, ids, dialect));
                } finally {
                    handle.rollback();
                    handle.setReadOnly(false);
                }
            } catch (JdbiException e) {
                SQLException sql = SqlErrors.cause(e);
                if (attempt < MAX_ATTEMPTS && SqlErrors.isRetryable(sql)) {
                    continue;
                }
                throw SqlErrors.translate(e, sql);
            }
        }
    }

    /** Rethrows what a write threw on the writer thread: its own exception, checked or not, or a store failure. */
    @SuppressWarnings("unchecked")
    private static <X extends Exception> X rethrow(Throwable failure) throws X {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw (X) failure;
    }

    /**
     * Throws {@link StoreOverloadedException} if a write submitted now would be refused for the length of the
     * writer's queue: lets a server shed a write request before spending work on it.
     */
    public void refuseWritesIfOverloaded() {
        if (writer.isFull()) {
            throw new StoreOverloadedException(writer.queued());
        }
    }

    /** Write transactions committed so far (a batch of waiting writes is one), for metrics and tests. */
    public long writerCommits() {
        return writer.stats().commits();
    }

    /** Writes that ran in a committed transaction so far; divided by {@link #writerCommits} the mean batch. */
    public long writerCommittedWrites() {
        return writer.stats().committedWrites();
    }

    /** Seconds the writer thread has spent in {@code phase} so far; over wall time, its utilisation. */
    public double writerSeconds(WriterPhase phase) {
        return writer.stats().nanosIn(phase) / 1e9;
    }

    /** Operations of {@code phase} that held the writer thread 20 ms or longer so far (stalls). */
    public long writerSlowOperations(WriterPhase phase) {
        return writer.stats().slowOperationsIn(phase);
    }

    /** Writes waiting for the writer now, for metrics and tests. */
    public int writerQueued() {
        return writer.queued();
    }

    /** The underlying JDBI, for tests that must reach past the repositories (e.g. to tamper with rows). */
    Jdbi jdbi() {
        return jdbi;
    }

    /** The database this store runs on. */
    public Dialect dialect() {
        return dialect;
    }

    /** Whether transactions lock the rows they read for update: not when this process is the only writer. */
    RowLocks rowLocks() {
        return rowLocks;
    }

    /** The clock the store stamps records with. */
    public Clock clock() {
        return clock;
    }

    /** One line describing what an acknowledged commit survives, for the startup log. */
    public String durability() {
        return durability;
    }

    /** True if a connection can be obtained and answers within two seconds (for {@code /health}). */
    public boolean isHealthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool (an embedded file database closes with its last connection). Idempotent. */
    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        writer.close(); // finishes the writes already queued
        if (stopOwnerServices != null) {
            // Guests first, so that closing the pool below closes the database file.
            stopOwnerServices.run();
        }
        if (inMemory) {
            // An in-memory database outlives its connections (DB_CLOSE_DELAY=-1) until shut down. A file
            // database is never shut down explicitly: through H2's mixed mode this process may be a guest
            // of another process's database, which SHUTDOWN would close under it.
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.log(System.Logger.Level.WARNING, "H2 shutdown failed: {0}", e.getMessage());
            }
        }
        dataSource.close();
    }

    private static void migrate(HikariDataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
