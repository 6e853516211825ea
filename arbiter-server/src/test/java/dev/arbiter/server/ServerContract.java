package dev.arbiter.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the integration suites: one real server per test class on a free port, over real HTTP,
 * on the backend its subclass names. Every suite runs twice, on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {
    protected Application app;
    protected Client api;
    protected Path dataDir;
    protected ServerConfig config;

    /** The database this run uses. */
    abstract Backend backend();

    /** Adjusts the settings of this suite's server (mode, policy file, ...). */
    ServerConfig configure(ServerConfig base) {
        return base;
    }

    /** The clock of this suite's server; suites that skip time return a {@code MutableClock}. */
    Clock clock() {
        return Clock.systemUTC();
    }

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("arbiter-it");
        config = configure(backend().config(dataDir));
        app = Application.create(config, clock()).start();
        api = new Client("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    void stopServer() {
        if (app != null) {
            app.close();
        }
        delete(dataDir);
    }

    /** A client of this suite's server. */
    Client client(String... headers) {
        return new Client("http://127.0.0.1:" + app.port(), headers);
    }

    /** A raw JDBC connection to this suite's database, for tests that tamper with rows. */
    java.sql.Connection sql() throws java.sql.SQLException {
        ServerConfig.Database db = config.database();
        if (db != null) {
            return java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
        }
        try {
            String password = Files.readString(dataDir.resolve("h2.password")).strip();
            return java.sql.DriverManager.getConnection(
                    dev.arbiter.store.DatabaseConfig.embedded(dataDir).jdbcUrl(), "arbiter", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one SQL update statement against this suite's database. */
    int execute(String statement) throws java.sql.SQLException {
        try (java.sql.Connection c = sql();
                java.sql.Statement st = c.createStatement()) {
            return st.executeUpdate(statement);
        }
    }

    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
