package dev.arbiter.server;

import dev.arbiter.store.IssuedClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/**
 * What the webhook suites share: enterprise mode, delivery settings fast enough for tests (50 ms polls, 1 s
 * timeout, 100 ms first backoff, 3 attempts), the deploy approval policy of seed 001, a real receiver, and
 * a fresh tenant per test so that no test sees another's events.
 */
abstract class WebhookSuite extends ServerContract {
    static final ServerConfig.Webhooks FAST =
            new ServerConfig.Webhooks(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMillis(100), 3);
    static final Map<String, Object> DEPLOY =
            Map.of("step_name", "deploy", "step_type", "connector_call", "step_input", Map.of("target", "prod"));
    static final String WEBHOOKS = "/api/v1/webhooks";

    protected final Receiver receiver = new Receiver();

    /** A tenant of this suite's server and a client authenticated as it. */
    record Tenant(String name, Client api) {}

    @Override
    ServerConfig configure(ServerConfig base) {
        try {
            return base.withMode(Mode.ENTERPRISE)
                    .withWebhooks(FAST)
                    .withPolicyFile(Files.writeString(dataDir.resolve("policies.json"), """
                    [{"name": "require-approval-for-deploy", "scope": "workflow",
                      "conditions": {"step_type": "connector_call", "step_name": "deploy"},
                      "action": "require_approval", "reason": "Deployment steps require human approval"}]
                    """));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    Tenant newTenant() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        IssuedClient issued = app.database().inTransaction(tx -> tx.clients().create(name, "agent"));
        return new Tenant(name, client("X-Client-ID", issued.client().clientId(), "X-Client-Secret", issued.secret()));
    }

    /** Subscribes {@code tenant} and returns the subscription's id. */
    static String subscribe(Tenant tenant, Map<String, ?> body) {
        return tenant.api().post(WEBHOOKS, body).expect(201).text("id");
    }
}
