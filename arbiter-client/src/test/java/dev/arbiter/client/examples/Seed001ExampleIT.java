package dev.arbiter.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.client.ArbiterClient;
import dev.arbiter.server.Application;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001's Java example against a server with seed 001's "block GPT-4" policy: the gate blocks, the
 * example aborts the workflow with the policy's reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Seed001ExampleIT {
    @TempDir
    static Path dir; // static: made before @BeforeAll; removed by JUnit after @AfterAll stopped the server

    private Application app;
    private String endpoint;

    @BeforeAll
    void start() throws IOException {
        Path policies = dir.resolve("policies.json");
        Files.writeString(policies, """
                [{"name": "block-gpt4-in-workflows", "scope": "workflow",
                  "conditions": {"step_type": "llm_call", "model": "gpt-4"},
                  "action": "block", "reason": "GPT-4 not allowed in production workflows"}]
                """);
        app = Application.create(ServerConfig.embedded(dir, 0).withPolicyFile(policies), Clock.systemUTC())
                .start();
        endpoint = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void workflowControl_blockedByPolicy_abortsWithThePolicyReason() {
        String workflowId = WorkflowControl.run(endpoint);

        try (ArbiterClient client = ArbiterClient.create(endpoint)) {
            assertThat(client.getWorkflow(workflowId).status()).isEqualTo(WorkflowStatus.ABORTED);
            var aborted = client.searchAuditLogs(
                            new AuditSearchRequest(null, null, null, null, "workflow_aborted", workflowId, 1, null))
                    .entries()
                    .get(0);
            assertThat(aborted.metadata().get("reason")).isEqualTo("GPT-4 not allowed in production workflows");
            assertThat(aborted.clientId()).isEqualTo("my-workflow-app");
        }
    }
}
