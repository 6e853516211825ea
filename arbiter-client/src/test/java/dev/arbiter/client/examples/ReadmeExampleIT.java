package dev.arbiter.client.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.Requests;
import dev.arbiter.server.Application;
import dev.arbiter.server.ServerConfig;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepInfo;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's "Govern a Java agent" examples against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeExampleIT {
    @TempDir
    static Path dir; // static: made before @BeforeAll; removed by JUnit after @AfterAll stopped the server

    private Application app;
    private String endpoint;

    @BeforeAll
    void start() throws IOException {
        app = Application.create(ServerConfig.embedded(dir, 0), Clock.systemUTC())
                .start();
        endpoint = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void researchAgent_runsGovernedAndCompletesItsWorkflow() {
        String workflowId = ResearchAgent.research(endpoint, "AI safety");

        try (ArbiterClient client = ArbiterClient.create(endpoint)) {
            WorkflowStatusResponse workflow = client.getWorkflow(workflowId);
            assertThat(workflow.status()).isEqualTo(WorkflowStatus.COMPLETED);
            assertThat(workflow.traceId()).isEqualTo("langsmith-run-abc123");
            assertThat(workflow.steps())
                    .extracting(StepInfo::stepId)
                    .containsExactly("step-1-plan_research", "step-1-tools-web_search");
        }
    }

    @Test
    void workflowControl_seed001Example_completesItsWorkflow() {
        String workflowId = WorkflowControl.run(endpoint);

        try (ArbiterClient client = ArbiterClient.create(endpoint)) {
            WorkflowStatusResponse workflow = client.getWorkflow(workflowId);
            assertThat(workflow.status()).isEqualTo(WorkflowStatus.COMPLETED);
            assertThat(workflow.workflowName()).isEqualTo("code-review-pipeline");
            assertThat(workflow.steps()).extracting(StepInfo::stepName).containsExactly("Generate Code");
        }
    }

    @Test
    void policyRollout_simulatesThenShadowsThenEnforces() {
        try (ArbiterClient client = ArbiterClient.create(endpoint)) {
            String before =
                    client.createWorkflow("poster", WorkflowSource.EXTERNAL).workflowId();
            assertThat(client.stepGate(before, "step-1", post()).isAllowed()).isTrue();

            String policyId = PolicyRollout.rollOut(endpoint);

            String after =
                    client.createWorkflow("poster", WorkflowSource.EXTERNAL).workflowId();
            StepGateResponse gate = client.stepGate(after, "step-1", post());
            assertThat(gate.isBlocked()).isTrue();
            assertThat(gate.policyIds()).containsExactly(policyId);
            assertThat(client.tenantPolicies().versions(policyId).versions())
                    .extracting(v -> v.snapshot().mode())
                    .containsExactly("enforce", "shadow");
        }
    }

    private static StepGateRequest post() {
        return Requests.stepGate("tools/http_post", StepType.TOOL_CALL)
                .tool("http_post", "function", Map.of("url", "https://example.org"))
                .build();
    }
}
