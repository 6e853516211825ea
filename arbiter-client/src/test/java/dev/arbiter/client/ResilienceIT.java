package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.client.ScriptedServer.Reply;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failure semantics against a scripted server: hangs (timeout), 5xx (breaker opens, then recovers
 * half-open on the injected clock), retries for idempotent calls only, and both failure modes.
 */
class ResilienceIT {
    static final String WORKFLOW = """
            {"workflow_id":"wf_1","workflow_name":"n","source":"external","status":"in_progress",
             "current_step_index":0,"started_at":"2026-02-07T10:00:00Z"}""";
    static final String INTERNAL = """
            {"error":"internal_error","code":"INTERNAL_ERROR","message":"database unavailable"}""";
    static final String UNAVAILABLE = """
            {"error":"Backend service unavailable","service":"orchestrator"}""";
    private static final StepGateRequest GATE = StepGateRequest.of("analyze", StepType.LLM_CALL);

    private final ScriptedServer server = ScriptedServer.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-07T10:00:00Z"));
    private ArbiterClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private ArbiterClient client(FailureMode mode, Duration timeout) {
        client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .timeout(timeout)
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
                .failureMode(mode)
                .clock(clock)
                .build());
        return client;
    }

    @Test
    void hangingServer_gateFailsClosedWithinTheDeadline() {
        server.otherwise(Reply.hang());
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> arbiter.stepGate("wf_1", "step-1", GATE))
                .isInstanceOf(ArbiterTimeoutException.class)
                .hasMessageContaining("did not answer");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(arbiter.stats().failClosed()).isEqualTo(1);
        assertThat(arbiter.stats().failures()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void hangingServer_gateFailsOpenWithAMarkedSyntheticAllow() {
        server.otherwise(Reply.hang());
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN, Duration.ofMillis(300));

        StepGateResponse gate = arbiter.stepGate("wf_1", "step-1", GATE);

        assertThat(gate.isAllowed()).isTrue();
        assertThat(gate.decisionSource()).isEqualTo(DecisionSource.FAIL_OPEN);
        assertThat(gate.stepId()).isEqualTo("step-1");
        assertThat(gate.reason()).contains("fail open");
        assertThat(arbiter.stats().failOpenAllowed()).isEqualTo(1);
    }

    @Test
    void hangingServer_nonGateCallThrowsTimeoutWhateverTheMode() {
        server.otherwise(Reply.hang());
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN, Duration.ofMillis(200));

        assertThatThrownBy(() -> arbiter.completeWorkflow("wf_1")).isInstanceOf(ArbiterTimeoutException.class);
    }

    @Test
    void serverErrors_breakerOpensAfterFiveConsecutiveFailures_thenSkipsCallsWithoutNetwork() {
        server.otherwise(Reply.json(500, INTERNAL));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> arbiter.getWorkflow("wf_1")).isInstanceOfSatisfying(ServerException.class, e -> {
                assertThat(e.code()).isEqualTo("INTERNAL_ERROR");
                assertThat(e.isRetriable()).isFalse();
            });
        }
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(() -> arbiter.getWorkflow("wf_1")).isInstanceOf(CircuitOpenException.class);

        assertThat(server.received()).hasSize(5);
        ClientStats stats = arbiter.stats();
        assertThat(stats.circuitOpened()).isEqualTo(1);
        assertThat(stats.shortCircuited()).isEqualTo(1);
        assertThat(stats.failures()).isEqualTo(5);
    }

    @Test
    void openBreaker_recoversHalfOpenAfterThirtySeconds_whenTheTrialSucceeds() {
        server.then(repeat(Reply.json(500, INTERNAL), 5)).otherwise(Reply.json(200, WORKFLOW));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));
        openBreaker(arbiter);

        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> arbiter.getWorkflow("wf_1")).isInstanceOf(CircuitOpenException.class);
        clock.advance(Duration.ofSeconds(1));

        assertThat(arbiter.getWorkflow("wf_1").workflowId()).isEqualTo("wf_1");
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.CLOSED);
        assertThat(arbiter.getWorkflow("wf_1").workflowId()).isEqualTo("wf_1");
        assertThat(server.received()).hasSize(7);
    }

    @Test
    void openBreaker_failedTrialReopensForAnotherRecoveryPeriod() {
        server.otherwise(Reply.json(503, UNAVAILABLE));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));
        openBreaker(arbiter);
        int sent = server.received().size();

        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> arbiter.completeWorkflow("wf_1")).isInstanceOf(ServerException.class);

        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.OPEN);
        assertThat(server.received()).hasSize(sent + 1);
        assertThatThrownBy(() -> arbiter.completeWorkflow("wf_1")).isInstanceOf(CircuitOpenException.class);
        assertThat(arbiter.stats().circuitOpened()).isEqualTo(2);
    }

    @Test
    void openBreaker_gateFailsOpenWithoutTouchingTheNetwork() {
        server.otherwise(Reply.json(500, INTERNAL));
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN, Duration.ofSeconds(2));
        openBreaker(arbiter);
        int sent = server.received().size();

        StepGateResponse gate = arbiter.stepGate("wf_1", "step-9", GATE);

        assertThat(gate.decisionSource()).isEqualTo(DecisionSource.FAIL_OPEN);
        assertThat(gate.reason()).contains("circuit breaker is open");
        assertThat(server.received()).hasSize(sent);
    }

    @Test
    void idempotentRead_retriedOn503ThenSucceeds() {
        server.then(Reply.json(503, UNAVAILABLE), Reply.json(503, UNAVAILABLE), Reply.json(200, WORKFLOW));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        assertThat(arbiter.getWorkflow("wf_1").workflowId()).isEqualTo("wf_1");

        assertThat(server.received()).hasSize(3);
        assertThat(arbiter.stats().retries()).isEqualTo(2);
    }

    @Test
    void idempotentRead_givesUpAfterMaxRetries() {
        server.otherwise(Reply.json(503, UNAVAILABLE));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        assertThatThrownBy(() -> arbiter.listWorkflows()).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.isRetriable()).isTrue();
            assertThat(e.serverMessage()).isEqualTo("Backend service unavailable");
        });
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void createWorkflow_notIdempotent_isNotRetried() {
        server.then(Reply.json(503, UNAVAILABLE), Reply.json(201, WORKFLOW));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        assertThatThrownBy(() -> arbiter.createWorkflow(CreateWorkflowRequest.of("n", WorkflowSource.EXTERNAL)))
                .isInstanceOf(ServerException.class);
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void gate_idempotentByDefault_isRetried_butReevaluateIsNot() {
        String allow = """
                {"decision":"allow","step_id":"step-1"}""";
        server.then(Reply.json(502, UNAVAILABLE), Reply.json(200, allow), Reply.json(502, UNAVAILABLE));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        assertThat(arbiter.stepGate("wf_1", "step-1", GATE).isAllowed()).isTrue();
        StepGateRequest reevaluate = Requests.stepGate("analyze", StepType.LLM_CALL)
                .retryPolicy(RetryPolicy.REEVALUATE)
                .build();
        assertThatThrownBy(() -> arbiter.stepGate("wf_1", "step-1", reevaluate)).isInstanceOf(ServerException.class);

        assertThat(server.received()).hasSize(3);
    }

    @Test
    void rateLimited_readRetriedAfterRetryAfter_writeThrowsWithRetryAfter() {
        String limited = """
                {"error":"rate_limited","code":"CONCURRENT_EXECUTION_LIMIT","message":"Maximum concurrent executions reached."}""";
        server.then(Reply.json(429, limited).header("Retry-After", "0"), Reply.json(200, WORKFLOW))
                .otherwise(Reply.json(429, limited).header("Retry-After", "60"));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        assertThat(arbiter.getWorkflow("wf_1").workflowId()).isEqualTo("wf_1");
        assertThatThrownBy(() -> arbiter.createWorkflow(CreateWorkflowRequest.of("n", WorkflowSource.EXTERNAL)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.code()).isEqualTo("CONCURRENT_EXECUTION_LIMIT");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
                    assertThat(e.isRetriable()).isTrue();
                });
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void gateAnswerWithUnknownDecision_isNeverAnAllow_evenWhenFailingOpen() {
        server.otherwise(Reply.json(200, """
                {"decision":"maybe","step_id":"step-1"}"""));
        ArbiterClient arbiter = client(FailureMode.FAIL_OPEN, Duration.ofSeconds(2));

        assertThatThrownBy(() -> arbiter.stepGate("wf_1", "step-1", GATE))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("no known decision");
    }

    @Test
    void successStatusWithUnreadableBody_throwsUnexpectedResponse() {
        server.otherwise(Reply.json(200, "<html>proxy login</html>"));
        ArbiterClient arbiter = client(FailureMode.FAIL_CLOSED, Duration.ofSeconds(2));

        assertThatThrownBy(() -> arbiter.getWorkflow("wf_1"))
                .isInstanceOfSatisfying(UnexpectedResponseException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.rawBody()).contains("proxy login");
                });
    }

    private void openBreaker(ArbiterClient arbiter) {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> arbiter.completeWorkflow("wf_1")).isInstanceOf(ServerException.class);
        }
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.OPEN);
    }

    private static Reply[] repeat(Reply reply, int times) {
        Reply[] replies = new Reply[times];
        java.util.Arrays.fill(replies, reply);
        return replies;
    }
}
