package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real server, stopped under a client: connection refused, in both failure modes. */
class StoppedServerIT {
    private RealServer server;
    private ArbiterClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ArbiterClient client(FailureMode mode) {
        client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .failureMode(mode)
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .build());
        return client;
    }

    @Test
    void stoppedServer_gateFailsClosedByDefault() {
        server = RealServer.community();
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED);
        String id = arbiter.createWorkflow("stopped", WorkflowSource.EXTERNAL).workflowId();
        server.stop();

        assertThatThrownBy(() -> arbiter.stepGate(id, "step-1", StepGateRequest.of("one", StepType.LLM_CALL)))
                .isInstanceOf(ArbiterUnavailableException.class)
                .isNotInstanceOf(ArbiterTimeoutException.class)
                .hasMessageContaining("unreachable");

        assertThat(arbiter.stats().failClosed()).isEqualTo(1);
        assertThat(arbiter.stats().failures()).isEqualTo(3);
        assertThat(ArbiterConfig.builder().build().failureMode()).isEqualTo(FailureMode.FAIL_CLOSED);
    }

    @Test
    void stoppedServer_gateFailsOpenWhenConfigured_andBreakerOpensAfterFiveFailures() {
        server = RealServer.community();
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN);
        String id = arbiter.createWorkflow("stopped", WorkflowSource.EXTERNAL).workflowId();
        server.stop();

        StepGateResponse first = arbiter.stepGate(id, "step-1", StepGateRequest.of("one", StepType.LLM_CALL));
        StepGateResponse second = arbiter.stepGate(id, "step-2", StepGateRequest.of("two", StepType.LLM_CALL));

        assertThat(first.isAllowed()).isTrue();
        assertThat(first.decisionSource()).isEqualTo(DecisionSource.FAIL_OPEN);
        assertThat(second.decisionSource()).isEqualTo(DecisionSource.FAIL_OPEN);
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.OPEN);
        ClientStats stats = arbiter.stats();
        assertThat(stats.failures()).isEqualTo(5);
        assertThat(stats.circuitOpened()).isEqualTo(1);
        assertThat(stats.failOpenAllowed()).isEqualTo(2);
    }

    @Test
    void sessionFailingClosed_serverStopsMidRun_gateThrowsAndCloseCannotHideIt() {
        server = RealServer.community();
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED);

        assertThatThrownBy(() -> {
                    try (WorkflowSession session = arbiter.session("research-agent", WorkflowSource.LANGGRAPH)
                            .start()) {
                        assertThat(session.checkGate("plan", StepType.LLM_CALL)).isTrue();
                        server.stop();
                        session.checkGate("search", StepType.LLM_CALL);
                    }
                })
                .isInstanceOf(ArbiterUnavailableException.class)
                .satisfies(e ->
                        assertThat(e.getSuppressed()).singleElement().isInstanceOf(ArbiterUnavailableException.class));
    }

    @Test
    void sessionFailingOpen_serverStopsMidRun_agentKeepsWorking() {
        server = RealServer.community();
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN);

        try (WorkflowSession session =
                arbiter.session("research-agent", WorkflowSource.LANGGRAPH).start()) {
            assertThat(session.checkGate("plan", StepType.LLM_CALL)).isTrue();
            session.stepCompleted("plan", Map.of("plan", "ok"));
            server.stop();
            assertThat(session.checkGate("search", StepType.LLM_CALL)).isTrue();
            assertThat(session.lastGate().orElseThrow().decisionSource()).isEqualTo(DecisionSource.FAIL_OPEN);
            session.stepCompleted("search", Map.of("results", 3));
        }

        assertThat(arbiter.stats().failOpenAllowed()).isEqualTo(1);
    }

    @Test
    void sessionFailingOpen_serverDownAtStart_runsUngoverned() {
        server = RealServer.community();
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN);
        server.stop();

        try (WorkflowSession session =
                arbiter.session("research-agent", WorkflowSource.LANGGRAPH).start("t")) {
            assertThat(session.workflowId()).isEmpty();
            assertThat(session.checkGate("plan", StepType.LLM_CALL)).isTrue();
            session.stepCompleted("plan", Map.of());
        }

        assertThat(arbiter.stats().failOpenAllowed()).isEqualTo(2);
    }

    @Test
    void sessionFailingClosed_serverDownAtStart_startThrows() {
        server = RealServer.community();
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED);
        server.stop();

        assertThatThrownBy(() -> arbiter.session("research-agent", WorkflowSource.LANGGRAPH)
                        .start())
                .isInstanceOf(ArbiterUnavailableException.class);
    }

    @Test
    void approvalWait_serverStops_failsClosedEvenWhenTheClientFailsOpen() {
        server = RealServer.withPolicies(Policies.SEED_001);
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN);
        WorkflowSession session =
                arbiter.session("deploy-pipeline", WorkflowSource.EXTERNAL).start();
        assertThatThrownBy(() -> session.checkGate("deploy", StepType.CONNECTOR_CALL))
                .isInstanceOf(ApprovalRequiredException.class);
        server.stop();

        assertThatThrownBy(() -> session.waitForApproval(Duration.ofMillis(10), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(ApprovalTimeoutException.class, e -> {
                    assertThat(e.getMessage()).contains("could not be confirmed");
                    assertThat(e.getCause()).isInstanceOf(ArbiterUnavailableException.class);
                });
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.CLOSED);
        session.close();
    }
}
