package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durability across a crash: the server runs as its own JVM on embedded H2, answers gates from
 * several threads, and is killed with SIGKILL mid-stream. After a restart on the same data
 * directory every acknowledged decision is in the audit trail and the hash chain verifies.
 */
class RestartIT {
    private Path dataDir;

    @BeforeEach
    void createDataDir() throws Exception {
        dataDir = Files.createTempDirectory("arbiter-restart");
    }

    @AfterEach
    void deleteDataDir() throws Exception {
        String keep = System.getenv("ARBITER_KEEP_CRASH_DATA");
        if (keep != null) {
            ProcessBuilder copy = new ProcessBuilder("cp", "-r", dataDir.toString(), keep + "-" + System.nanoTime());
            copy.inheritIO().start().waitFor();
        }
        ServerContract.delete(dataDir);
    }

    @Test
    void kill9_everyAcknowledgedDecisionSurvives_andChainVerifies() throws Exception {
        Map<String, String> env =
                Map.of("ARBITER_PORT", "0", "ARBITER_DATA_DIR", dataDir.toString(), "ARBITER_LOG_LEVEL", "WARN");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String workflowId;
        try (JavaProcess first = JavaProcess.start(dataDir, env, "serve")) {
            Client api = new Client("http://127.0.0.1:" + first.awaitPort(Duration.ofSeconds(60)));
            workflowId = api.createWorkflow("crash-test");
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        String step = "step-" + counter.incrementAndGet();
                        try {
                            Reply reply = api.gate(workflowId, step, Map.of("step_type", "llm_call"));
                            if (reply.status() == 200) {
                                acknowledged.add(step);
                            }
                        } catch (RuntimeException e) {
                            return; // The server died under this request: not acknowledged.
                        }
                    }
                }));
            }
            while (acknowledged.size() < 40) {
                Thread.sleep(20);
            }
            first.kill();
            running.set(false);
            for (Thread sender : senders) {
                sender.join(30_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        try (JavaProcess second = JavaProcess.start(dataDir, env, "serve")) {
            Client api = new Client("http://127.0.0.1:" + second.awaitPort(Duration.ofSeconds(60)));
            JsonNode entries = api.post(
                            "/api/v1/audit/search",
                            Map.of("request_id", workflowId, "request_type", "workflow_step_gate", "limit", 1000))
                    .expect(200)
                    .json()
                    .path("entries");
            Set<String> audited = new HashSet<>();
            entries.forEach(e -> audited.add(e.path("metadata").path("step_id").asText()));
            assertThat(audited).containsAll(acknowledged);

            JsonNode steps = api.get("/api/v1/workflows/" + workflowId)
                    .expect(200)
                    .json()
                    .path("steps");
            Set<String> stored = new HashSet<>();
            steps.forEach(s -> stored.add(s.path("step_id").asText()));
            assertThat(stored).containsAll(acknowledged).isEqualTo(audited);

            JsonNode verify = api.get("/api/v1/audit/verify").expect(200).json();
            assertThat(verify.path("valid").asBoolean())
                    .as("chain after crash: %s", verify)
                    .isTrue();
            assertThat(verify.path("records_checked").asLong()).isEqualTo(audited.size() + 1L);
            // SIGTERM runs the shutdown hook (drain, close the database); the JVM then exits with 128 + 15.
            assertThat(second.stop()).as("graceful stop on SIGTERM").isEqualTo(143);
        }
    }
}
