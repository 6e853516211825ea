package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.wire.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line as a user runs it, each command in its own JVM on the same settings as the server:
 * clients create/list/revoke against a running enterprise server, audit verify, bad settings.
 */
class CliIT {
    private Path dataDir;
    private Map<String, String> env;

    @BeforeEach
    void setUp() throws Exception {
        dataDir = Files.createTempDirectory("arbiter-cli");
        env = new HashMap<>(Map.of(
                "ARBITER_PORT", "0",
                "ARBITER_DATA_DIR", dataDir.toString(),
                "ARBITER_MODE", "enterprise",
                "ARBITER_HOST", "127.0.0.1",
                "ARBITER_LOG_LEVEL", "WARN"));
    }

    @AfterEach
    void tearDown() {
        ServerContract.delete(dataDir);
    }

    @Test
    void clients_createUseListRevoke_whileTheServerRuns() throws Exception {
        try (JavaProcess server = JavaProcess.start(dataDir, env, "serve")) {
            String base = "http://127.0.0.1:" + server.awaitPort(Duration.ofSeconds(60));
            new Client(base).get("/api/v1/workflows").expect(401);

            JsonNode created = json(run("clients", "create", "--tenant", "acme", "--name", "ci-agent"));
            String id = created.path("client_id").asText();
            String secret = created.path("client_secret").asText();
            assertThat(created.path("tenant").asText()).isEqualTo("acme");
            assertThat(id).isNotBlank();
            assertThat(secret).isNotBlank();

            Client acme = new Client(base, "Authorization", AuthContract.basic(id, secret));
            acme.post("/api/v1/workflows", Map.of("workflow_name", "from-cli-credentials"))
                    .expect(201);

            List<String> listed = run("clients", "list", "--tenant", "acme");
            assertThat(listed).hasSize(1);
            assertThat(json(listed).path("client_id").asText()).isEqualTo(id);
            assertThat(String.join("\n", listed)).doesNotContain(secret);

            assertThat(run("clients", "revoke", id)).containsExactly("revoked " + id);
            acme.get("/api/v1/workflows").expect(401);
            assertThat(json(run("clients", "list")).path("active").asBoolean()).isFalse();

            List<String> verify = run("audit", "verify");
            assertThat(json(verify).path("tenant_id").asText()).isEqualTo("acme");
            assertThat(json(verify).path("valid").asBoolean()).isTrue();
        }
    }

    @Test
    void badSettings_exitWithEveryProblemNamed() throws Exception {
        Map<String, String> bad = new HashMap<>(env);
        bad.put("ARBITER_PORT", "eighty");
        bad.put("ARBITER_MODE", "saas");
        try (JavaProcess process = JavaProcess.start(dataDir, bad, "serve")) {
            assertThat(process.await(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(process.stderr())
                    .contains("ARBITER_PORT: must be an integer within 0..65535, got 'eighty'")
                    .contains("ARBITER_MODE: must be 'community' or 'enterprise', got 'saas'")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void revokeUnknownClient_exitsNonZero() throws Exception {
        try (JavaProcess process = JavaProcess.start(dataDir, env, "clients", "revoke", "cli_nobody")) {
            assertThat(process.await(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(process.stderr()).contains("no active client cli_nobody");
        }
    }

    private List<String> run(String... args) throws Exception {
        try (JavaProcess process = JavaProcess.start(dataDir, env, args)) {
            int status = process.await(Duration.ofSeconds(60));
            assertThat(status)
                    .as("exit status of %s: %s", List.of(args), process.stderr())
                    .isZero();
            return process.stdoutLines();
        }
    }

    private static JsonNode json(List<String> lines) throws Exception {
        assertThat(lines).isNotEmpty();
        return Json.mapper().readTree(lines.getFirst());
    }
}
