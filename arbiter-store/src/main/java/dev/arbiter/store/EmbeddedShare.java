package dev.arbiter.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.tools.Server;

/**
 * Lets a second process (the CLI while the server runs) use an embedded database that another process
 * holds open. The owner serves it on an ephemeral loopback-only H2 TCP port, recorded in
 * {@code <dataDir>/h2.port}; a process that finds the database locked connects there instead, with the
 * same password. This is H2's AUTO_SERVER done by hand, because AUTO_SERVER cannot be combined with
 * {@code DB_CLOSE_ON_EXIT=FALSE} (needed for graceful shutdown) and would listen on every interface.
 * Thread-safe: instances are immutable once started.
 */
final class EmbeddedShare implements AutoCloseable {
    static final String PORT_FILE = "h2.port";

    /** H2's error code for a database file locked by another process. */
    static final int DATABASE_IN_USE = 90020;

    private final Server server;
    private final Path portFile;

    private EmbeddedShare(Server server, Path portFile) {
        this.server = server;
        this.portFile = portFile;
    }

    /** Starts sharing the database this process owns. */
    static EmbeddedShare start(Path dataDir) {
        try {
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon")
                    .start();
            Path portFile = dataDir.resolve(PORT_FILE);
            Files.writeString(portFile, server.getPort() + "\n", StandardCharsets.US_ASCII);
            return new EmbeddedShare(server, portFile);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot share the embedded database over loopback: " + e.getMessage(), e);
        }
    }

    /** The URL a guest uses to reach the owner's database, if an owner recorded its port. */
    static Optional<String> guestUrl(DatabaseConfig config, Path dataDir) {
        Path portFile = dataDir.resolve(PORT_FILE);
        if (!Files.exists(portFile)) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(
                    Files.readString(portFile, StandardCharsets.US_ASCII).strip());
            String settings = config.jdbcUrl()
                    .substring(config.jdbcUrl().indexOf(';'))
                    .replace(";DB_CLOSE_ON_EXIT=FALSE", "")
                    .replace(";FILE_LOCK=FS", "");
            return Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + DatabaseConfig.h2FileName(dataDir) + settings
                    + ";IFEXISTS=TRUE");
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True if {@code e} says the database file is locked by another process. */
    static boolean isInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DATABASE_IN_USE) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    @Override
    public void close() {
        server.stop();
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException e) {
            // A stale port file is harmless: guests try the embedded database first.
        }
    }
}
