package dev.arbiter.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.MutableClock;
import dev.arbiter.client.Requests;
import dev.arbiter.server.Application;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's approval follow-up example against the real server (deploy steps need approval, approvals
 * expire after an hour on a clock the test moves) and a real local receiver standing in for ops: the
 * subscription it creates receives signed events, and an expired approval is asked for again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalFollowUpExampleIT {
    private static final String SECRET = "whsec_readme_example";
    private static final StepGateRequest DEPLOY =
            Requests.stepGate("deploy", StepType.CONNECTOR_CALL).build();

    private final MutableClock clock = new MutableClock(Instant.now());
    private final BlockingQueue<String[]> delivered = new LinkedBlockingQueue<>();
    private HttpServer ops;

    @TempDir
    static Path dir; // static: made before @BeforeAll; removed by JUnit after @AfterAll stopped the server

    private Application app;
    private ArbiterClient client;

    @BeforeAll
    void start() throws IOException {
        ops = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ops.createContext("/arbiter", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            delivered.add(new String[] {body, exchange.getRequestHeaders().getFirst("X-Arbiter-Signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        ops.start();
        Path policies = dir.resolve("policies.json");
        Files.writeString(policies, """
                [{"name": "require-approval-for-deploy", "scope": "workflow",
                  "conditions": {"step_type": "connector_call", "step_name": "deploy"},
                  "action": "require_approval", "reason": "Deployment steps require human approval"}]
                """);
        ServerConfig config =
                ServerConfig.embedded(dir, 0).withPolicyFile(policies).withApprovalTimeout(Duration.ofHours(1));
        app = Application.create(config, clock).start();
        client = ArbiterClient.create("http://127.0.0.1:" + app.port());
    }

    @AfterAll
    void stop() {
        client.close();
        app.close();
        ops.stop(0);
    }

    @Test
    void notifyOps_thenAnExpiredApproval_isAskedForAgain_andOpsHearsOfBothRequests() throws Exception {
        String opsUrl = "http://127.0.0.1:" + ops.getAddress().getPort() + "/arbiter";
        String hookId = ApprovalFollowUp.notifyOps(client, opsUrl, SECRET);
        String workflowId =
                client.createWorkflow("release", WorkflowSource.EXTERNAL).workflowId();
        assertThat(client.stepGate(workflowId, "deploy", DEPLOY).requiresApproval())
                .isTrue();
        JsonNode first = nextEvent();

        clock.advance(Duration.ofHours(2));
        boolean goOn = ApprovalFollowUp.mayContinue(client, workflowId);
        JsonNode second = nextEvent();
        client.approveStep(workflowId, "deploy", "approved on the second request");

        assertThat(client.webhooks().get(hookId).hasSecret()).isTrue();
        assertThat(goOn).as("the new approval is pending").isFalse();
        assertThat(first.path("event").asText()).isEqualTo("step.approval_required");
        assertThat(first.path("data").path("workflow_id").asText()).isEqualTo(workflowId);
        assertThat(second.path("event").asText()).isEqualTo("step.approval_required");
        assertThat(second.path("data").path("approval_id").asText())
                .as("a new approval request")
                .isNotEqualTo(first.path("data").path("approval_id").asText());
        assertThat(ApprovalFollowUp.mayContinue(client, workflowId)).isTrue();
    }

    /** The next delivery to ops, after checking its signature. */
    private JsonNode nextEvent() throws InterruptedException, IOException, GeneralSecurityException {
        String[] delivery = delivered.poll(20, TimeUnit.SECONDS);
        assertThat(delivery).as("a delivery within 20 s").isNotNull();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected =
                "sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery[0].getBytes(StandardCharsets.UTF_8)));
        assertThat(delivery[1]).isEqualTo(expected);
        return Json.mapper().readTree(delivery[0]);
    }
}
