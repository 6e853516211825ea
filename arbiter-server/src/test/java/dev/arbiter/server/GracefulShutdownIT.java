package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stop lets requests in flight finish: a gate held up by a row lock is still answered (and its
 * decision committed) although the server was asked to stop while it waited.
 */
class GracefulShutdownIT {
    @Test
    void close_waitsForRequestsInFlight() throws Exception {
        Path dir = Files.createTempDirectory("arbiter-drain");
        String url = "jdbc:h2:file:" + dir.resolve("drain") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        ServerConfig config = ServerConfig.embedded(dir, 0).withDatabase(new ServerConfig.Database(url, "sa", ""));
        Application app = Application.create(config, Clock.systemUTC()).start();
        Client api = new Client("http://127.0.0.1:" + app.port());
        String id = api.createWorkflow("drain");
        CompletableFuture<Reply> gate;
        CompletableFuture<Void> stopped;
        try (Connection lock = java.sql.DriverManager.getConnection(url, "sa", "")) {
            lock.setAutoCommit(false);
            try (PreparedStatement st =
                    lock.prepareStatement("SELECT workflow_id FROM workflows WHERE workflow_id = ? FOR UPDATE")) {
                st.setString(1, id);
                st.executeQuery().close();
            }
            gate = CompletableFuture.supplyAsync(() -> api.gate(id, "held", Map.of("step_type", "llm_call")));
            Thread.sleep(500);
            assertThat(gate).as("the gate waits for the row lock").isNotDone();
            stopped = CompletableFuture.runAsync(app::close);
            Thread.sleep(500);
            assertThat(stopped).as("the stop waits for the gate").isNotDone();
            lock.rollback();
        }
        Reply reply = gate.get(30, TimeUnit.SECONDS);
        stopped.get(30, TimeUnit.SECONDS);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text("decision")).isEqualTo("allow");

        Application again = Application.create(config, Clock.systemUTC()).start();
        try {
            Client after = new Client("http://127.0.0.1:" + again.port());
            assertThat(after.get("/api/v1/workflows/" + id)
                            .json()
                            .path("steps")
                            .get(0)
                            .path("step_id")
                            .asText())
                    .isEqualTo("held");
        } finally {
            again.close();
            ServerContract.delete(dir);
        }
    }
}
