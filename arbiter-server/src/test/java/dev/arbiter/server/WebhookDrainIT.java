package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.wire.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stop drains webhook deliveries: an event queued by one of the last requests is delivered by
 * {@link Application#close()}, although the next poll was an hour away.
 */
class WebhookDrainIT {
    @Test
    void close_deliversEventsQueuedBeforeTheStop() throws Exception {
        Path dir = Files.createTempDirectory("arbiter-webhook-drain");
        ServerConfig config = ServerConfig.embedded(dir, 0)
                .withWebhooks(new ServerConfig.Webhooks(
                        Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMillis(100), 3));
        try (Receiver receiver = new Receiver()) {
            Application app = Application.create(config, Clock.systemUTC()).start();
            String id;
            try {
                Client api = new Client("http://127.0.0.1:" + app.port());
                api.post(
                                "/api/v1/webhooks",
                                Map.of("url", receiver.url("/drain"), "events", List.of("workflow.completed")))
                        .expect(201);
                id = api.createWorkflow("last-one");
                Thread.sleep(300);
                api.post("/api/v1/workflows/" + id + "/complete").expect(200);
                Thread.sleep(300);
                assertThat(receiver.requests("/drain"))
                        .as("the next poll is an hour away")
                        .isEmpty();
            } finally {
                app.close();
            }
            List<Receiver.Request> delivered = receiver.requests("/drain");
            assertThat(delivered).hasSize(1);
            assertThat(Json.mapper()
                            .readTree(delivered.get(0).body())
                            .path("data")
                            .path("workflow_id")
                            .asText())
                    .isEqualTo(id);
        } finally {
            ServerContract.delete(dir);
        }
    }
}
