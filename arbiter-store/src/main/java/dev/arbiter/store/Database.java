package dev.arbiter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * The database: a connection pool, the schema (migrated on open) and transactions. Thread-safe: any number
 * of threads may run transactions at once, each on its own connection.
 */
public final class Database implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final int MAX_ATTEMPTS = 3;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Dialect dialect;
    private final String durability;
    private final Ids ids = new Ids();

    private Database(HikariDataSource dataSource, Clock clock, Dialect dialect, String durability) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.clock = clock;
        this.dialect = dialect;
        this.durability = durability;
    }

    /**
     * Opens the pool, checks durability settings and applies pending migrations. An embedded database and
     * its directory are created on first open. Fails with a {@link StoreException} naming the problem when
     * the database cannot be reached or migrated.
     */
    public static Database open(DatabaseConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        HikariDataSource ds = Pools.create(config, null);
        try {
            String durability = switch (config.dialect()) {
                case H2 ->
                    "H2 "
                            + (config.dataDir() == null
                                    ? "in memory (nothing survives a restart)"
                                    : "file " + config.dataDir().resolve("arbiter.mv.db")
                                            + ", WRITE_DELAY=0: each commit is written to the file before it returns");
                case POSTGRES -> {
                    String sync = Pools.synchronousCommit(ds);
                    if ("off".equals(sync)) {
                        // The server's default would acknowledge commits before they are durable; override it
                        // for our sessions rather than run with lost-on-crash audit records.
                        LOG.log(
                                System.Logger.Level.WARNING,
                                "PostgreSQL synchronous_commit is off; Arbiter sets it on for its connections");
                        ds.close();
                        ds = Pools.create(config, "SET synchronous_commit TO on");
                        sync = Pools.synchronousCommit(ds);
                    }
                    yield "PostgreSQL synchronous_commit=" + sync;
                }
            };
            migrate(ds);
            return new Database(ds, clock, config.dialect(), durability);
        } catch (RuntimeException e) {
            ds.close();
            throw e instanceof StoreException se
                    ? se
                    : new StoreException("cannot prepare database: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one READ COMMITTED transaction and returns its result after the commit. If
     * {@code work} throws, everything it did is rolled back and the exception propagates. A deadlock or
     * serialization failure reported by the database reruns {@code work} (up to three attempts in all), so
     * {@code work} must have no side effects outside the transaction. Database failures, including a failed
     * commit, surface as {@link StoreException}; a unique-key violation as {@link DuplicateKeyException}.
     */
    public <T, X extends Exception> T inTransaction(TransactionWork<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(
                        TransactionIsolationLevel.READ_COMMITTED,
                        handle -> work.run(new Tx(handle, clock, ids, dialect)));
            } catch (JdbiException e) {
                SQLException sql = SqlErrors.cause(e);
                if (attempt < MAX_ATTEMPTS && SqlErrors.isRetryable(sql)) {
                    continue;
                }
                throw SqlErrors.translate(e, sql);
            }
        }
    }

    /** The underlying JDBI, for tests that must reach past the repositories (e.g. to tamper with rows). */
    Jdbi jdbi() {
        return jdbi;
    }

    /** The database this store runs on. */
    public Dialect dialect() {
        return dialect;
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

    /** Closes the pool; an embedded database is shut down cleanly. Idempotent. */
    @Override
    public void close() {
        if (dataSource.isClosed()) {
            return;
        }
        if (dialect == Dialect.H2) {
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

    /** Pool construction; stateless. */
    private static final class Pools {
        static HikariDataSource create(DatabaseConfig config, @Nullable String initSql) {
            HikariConfig hc = new HikariConfig();
            hc.setPoolName("arbiter-db");
            hc.setJdbcUrl(config.jdbcUrl());
            hc.setUsername(config.user());
            hc.setPassword(config.dataDir() != null ? EmbeddedSecret.password(config.dataDir()) : config.password());
            hc.setMaximumPoolSize(config.maxPoolSize());
            hc.setMinimumIdle(Math.min(2, config.maxPoolSize()));
            hc.setConnectionTimeout(10_000);
            hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            if (initSql != null) {
                hc.setConnectionInitSql(initSql);
            }
            try {
                return new HikariDataSource(hc);
            } catch (RuntimeException e) {
                throw new StoreException("cannot connect to " + config + ": " + rootMessage(e), e);
            }
        }

        static String synchronousCommit(HikariDataSource ds) {
            return Jdbi.create(ds)
                    .withHandle(h -> h.createQuery("SHOW synchronous_commit")
                            .mapTo(String.class)
                            .one());
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return String.valueOf(t.getMessage());
        }
    }
}
