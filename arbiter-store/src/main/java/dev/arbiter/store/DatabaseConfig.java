package dev.arbiter.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the data lives: an embedded H2 file database under a data directory (the default), an in-memory H2
 * database (tests), or PostgreSQL. Validated when built; {@link #toString()} masks the password.
 *
 * @param dialect which database
 * @param jdbcUrl the JDBC URL, including the H2 durability settings for embedded databases
 * @param user database user; for embedded databases always {@code arbiter}
 * @param password database password; for embedded databases {@code null} here and read from (or created in)
 *     {@code <dataDir>/h2.password} when the database opens
 * @param maxPoolSize connections in the pool (1..200)
 * @param dataDir the data directory of an embedded file database, else {@code null}
 */
public record DatabaseConfig(
        Dialect dialect,
        String jdbcUrl,
        @Nullable String user,
        @Nullable String password,
        int maxPoolSize,
        @Nullable Path dataDir) {

    /** Default pool size: enough for a 2-core host with virtual threads waiting on I/O. */
    public static final int DEFAULT_POOL_SIZE = 10;

    // WRITE_DELAY=0: H2 otherwise keeps committed changes in memory for up to 500 ms (the MVStore
    // auto-commit delay), so a kill -9 would lose acknowledged commits; 0 writes each commit to the file
    // before commit() returns. LOCK_TIMEOUT: gates on one workflow queue on its row lock, and the default
    // 1 s is shorter than a burst of 50 parallel gates. QUERY_CACHE_SIZE: a gate runs about a dozen distinct
    // statements per connection, more than H2's default cache of 8 parsed statements, so each was parsed
    // again on every gate. CACHE_SIZE (KB): H2's page cache defaults to 64 MB per GB of heap; under a steady
    // gate load every commit puts new page versions in it, which survive young collections and are copied
    // and promoted before they are evicted: young pauses of 30-300 ms. 2 MB keeps the hot pages (the
    // B-tree tops, recent leaves): against 8 MB it halved the median young pause under B1's load (9-11 ms
    // against 20 ms; the cache's entries, relinked on every hit, also dirty old-generation cards that each
    // young collection scans) and lowered the gate p90 and p99. See docs/storage.md.
    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;CACHE_SIZE=2048";

    static {
        // H2 shares equal values through a process-wide array (h2.objectCache): every value bound or read is
        // hashed and compared against the array's entry, 4 % of the writer thread's time in a gate, to save
        // memory this server does not need saved. Off unless the operator chose; the setting is read once,
        // when H2 first loads, which no database of this process has done before a config exists.
        if (System.getProperty("h2.objectCache") == null) {
            System.setProperty("h2.objectCache", "false");
        }
    }

    public DatabaseConfig {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (maxPoolSize < 1 || maxPoolSize > 200) {
            throw new IllegalArgumentException("database pool size must be within 1..200, got " + maxPoolSize);
        }
        String prefix = dialect == Dialect.H2 ? "jdbc:h2:" : "jdbc:postgresql:";
        if (!jdbcUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("database url for " + dialect + " must start with " + prefix);
        }
    }

    /**
     * The embedded default: an H2 file database {@code <dataDir>/arbiter.mv.db}, created on first open. Other
     * processes (the CLI while the server runs) reach it over a loopback port the owning process opens,
     * authenticated by a random password kept in {@code <dataDir>/h2.password}. {@code DB_CLOSE_ON_EXIT=FALSE}
     * keeps H2's own shutdown hook from closing the database under requests that are still draining;
     * {@link Database#close()} closes it in order instead.
     */
    public static DatabaseConfig embedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        Path dir = dataDir.toAbsolutePath().normalize();
        // FILE_LOCK=FS: an OS lock, released the moment a killed process dies, so a restart after kill -9
        // does not wait out H2's lock-file watchdog.
        // retry: reopens the file when a thread is interrupted during I/O; plain file: would leave H2's
        // FileChannel closed, and with it the database, for every later request.
        String url = "jdbc:h2:" + h2FileName(dir) + H2_SETTINGS + ";DB_CLOSE_ON_EXIT=FALSE;FILE_LOCK=FS";
        return new DatabaseConfig(Dialect.H2, url, "arbiter", null, DEFAULT_POOL_SIZE, dir);
    }

    /** H2's name for the embedded database file (without {@code .mv.db}); the owner and its guests use it. */
    static String h2FileName(Path dataDir) {
        return "retry:" + dataDir.resolve("arbiter");
    }

    /** A private in-memory H2 database that lives until {@link Database#close()}; for tests. */
    public static DatabaseConfig inMemory(String name) {
        if (name.isBlank() || !name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("in-memory database name must be [A-Za-z0-9_-]+, got '" + name + "'");
        }
        String url = "jdbc:h2:mem:" + name + H2_SETTINGS + ";DB_CLOSE_DELAY=-1";
        return new DatabaseConfig(Dialect.H2, url, "sa", "", DEFAULT_POOL_SIZE, null);
    }

    /**
     * PostgreSQL. {@code url} is a JDBC URL ({@code jdbc:postgresql://host:5432/db}) or a libpq-style URI
     * ({@code postgresql://user:secret@host:5432/db?sslmode=require}, also {@code postgres://}); user and
     * password given here win over those in the URI.
     */
    public static DatabaseConfig postgres(String url, @Nullable String user, @Nullable String password) {
        Objects.requireNonNull(url, "url");
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:postgresql://")) {
            return new DatabaseConfig(Dialect.POSTGRES, trimmed, user, password, DEFAULT_POOL_SIZE, null);
        }
        if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
            throw new IllegalArgumentException(
                    "database url must look like postgresql://host:5432/db or jdbc:postgresql://host:5432/db");
        }
        URI uri = parse(trimmed);
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("database url needs a host and a database name: postgresql://host/db");
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String userInfo = uri.getRawUserInfo();
        String uriUser = null;
        String uriPassword = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            uriUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            uriPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseConfig(
                Dialect.POSTGRES,
                jdbc,
                user != null ? user : uriUser,
                password != null ? password : uriPassword,
                DEFAULT_POOL_SIZE,
                null);
    }

    /** This configuration with another pool size. */
    public DatabaseConfig withMaxPoolSize(int size) {
        return new DatabaseConfig(dialect, jdbcUrl, user, password, size, dataDir);
    }

    /** A description safe to log: the URL with any password parameter masked, the user, the password masked. */
    @Override
    public String toString() {
        String url = jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1<masked>");
        return "DatabaseConfig[dialect=" + dialect + ", url=" + url + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "<none>" : "<masked>") + ", maxPoolSize=" + maxPoolSize
                + "]";
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database url is not a valid URI: " + e.getReason(), e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
