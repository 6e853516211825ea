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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The real Arbiter server, in-process on a free port, with embedded H2 in a temporary directory. */
final class RealServer implements AutoCloseable {
    private final Path dataDir;
    private final Application app;
    private final List<ArbiterClient> clients = new ArrayList<>();
    private boolean stopped;

    private RealServer(Path dataDir, ServerConfig config, Clock clock) {
        this.dataDir = dataDir;
        this.app = Application.create(config, clock).start();
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

    /**
     * Community mode with these policies, on {@code clock}: a test moves it past {@code approvalTimeout} to
     * expire a pending approval without waiting.
     */
    static RealServer withApprovalTimeout(String policiesJson, Duration approvalTimeout, Clock clock) {
        return start(Mode.COMMUNITY, policiesJson, clock, config -> config.withApprovalTimeout(approvalTimeout));
    }

    private static RealServer start(Mode mode, String policiesJson) {
        return start(mode, policiesJson, Clock.systemUTC(), UnaryOperator.identity());
    }

    private static RealServer start(Mode mode, String policiesJson, ServerConfig.Jwt jwt) {
        return start(mode, policiesJson, Clock.systemUTC(), config -> config.withJwt(jwt));
    }

    private static RealServer start(
            Mode mode, String policiesJson, Clock clock, UnaryOperator<ServerConfig> customize) {
        try {
            Path dir = Files.createTempDirectory("arbiter-client-it");
            ServerConfig config = customize.apply(ServerConfig.embedded(dir, 0).withMode(mode));
            if (policiesJson != null) {
                Path file = dir.resolve("policies.json");
                Files.writeString(file, policiesJson);
                config = config.withPolicyFile(file);
            }
            return new RealServer(dir, config, clock);
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

    /** A client of this server without credentials, closed with the server. */
    ArbiterClient client() {
        return client(UnaryOperator.identity());
    }

    /** A client of this server with these further settings, closed with the server. */
    ArbiterClient client(UnaryOperator<ArbiterConfig.Builder> settings) {
        ArbiterClient client = ArbiterClient.create(
                settings.apply(ArbiterConfig.builder().endpoint(endpoint())).build());
        clients.add(client);
        return client;
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
        clients.forEach(ArbiterClient::close);
        stop();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
