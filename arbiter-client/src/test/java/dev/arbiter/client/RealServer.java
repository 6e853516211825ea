package dev.arbiter.client;

import dev.arbiter.server.Application;
import dev.arbiter.server.Mode;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.store.IssuedClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/** The real Arbiter server, in-process on a free port, with embedded H2 in a temporary directory. */
final class RealServer implements AutoCloseable {
    private final Path dataDir;
    private final Application app;
    private boolean stopped;

    private RealServer(Path dataDir, ServerConfig config) {
        this.dataDir = dataDir;
        this.app = Application.create(config, Clock.systemUTC()).start();
    }

    /** Community mode (no credentials), no policies. */
    static RealServer community() {
        return start(Mode.COMMUNITY, null);
    }

    /** Community mode with these policies (JSON, canonical or shorthand) loaded for every tenant. */
    static RealServer withPolicies(String policiesJson) {
        return start(Mode.COMMUNITY, policiesJson);
    }

    /** Enterprise mode: credentials required; Bearer tokens signed HS256 with this secret carry a {@code tenant} claim. */
    static RealServer enterprise(String jwtSecret) {
        return start(Mode.ENTERPRISE, null, new ServerConfig.Jwt(jwtSecret, null, "tenant", null, null));
    }

    private static RealServer start(Mode mode, String policiesJson) {
        return start(mode, policiesJson, null);
    }

    private static RealServer start(Mode mode, String policiesJson, ServerConfig.Jwt jwt) {
        try {
            Path dir = Files.createTempDirectory("arbiter-client-it");
            ServerConfig config = ServerConfig.embedded(dir, 0).withMode(mode);
            if (jwt != null) {
                config = config.withJwt(jwt);
            }
            if (policiesJson != null) {
                Path file = dir.resolve("policies.json");
                Files.writeString(file, policiesJson);
                config = config.withPolicyFile(file);
            }
            return new RealServer(dir, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + app.port();
    }

    int port() {
        return app.port();
    }

    /** Issues API credentials for a tenant (enterprise mode). */
    IssuedClient issueClient(String tenant, String name) {
        return app.database().inTransaction(tx -> tx.clients().create(tenant, name));
    }

    /** Stops the server; the port then refuses connections. */
    void stop() {
        if (!stopped) {
            stopped = true;
            app.close();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
