package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.client.ScriptedServer.Received;
import dev.arbiter.client.ScriptedServer.Reply;
import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The 503 with {@code Retry-After: 1} an overloaded Arbiter answers when its write queue is full, against a
 * scripted server: repeated after the header for calls safe to repeat (reads, idempotent gates) and at most
 * three attempts, never for other writes, never beyond the maximum backoff or the deadline.
 */
class RetryAfterIT {
    /** Arbiter's own answer when its writer refuses a write (ErrorMapper.overloaded). */
    private static final Reply BUSY = Reply.json(503, """
                    {"error":"service_unavailable","code":"SERVICE_UNAVAILABLE",
                     "message":"Server busy: too many writes waiting (4096); nothing was written, retry shortly"}""").header("Retry-After", "1");

    private static final String ALLOW = """
            {"decision":"allow","step_id":"step-1"}""";
    private static final StepGateRequest GATE = StepGateRequest.of("analyze", StepType.LLM_CALL);

    private final ScriptedServer server = ScriptedServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private ArbiterClient client(Duration timeout, Duration maxBackoff) {
        // The breaker is kept closed, so that every call here reaches the server; it is ResilienceIT's.
        return server.client(settings -> settings.timeout(timeout)
                .retryBackoff(Duration.ofMillis(10), maxBackoff)
                .circuitBreaker(50, Duration.ofSeconds(30)));
    }

    @Test
    void gate_busy_isRepeatedNoSoonerThanRetryAfter_thenDecides() {
        server.then(BUSY, Reply.json(200, ALLOW));
        ArbiterClient arbiter = client(Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThat(arbiter.stepGate("wf_1", "step-1", GATE).isAllowed()).isTrue();

        List<Received> received = server.received();
        assertThat(received).hasSize(2);
        assertThat(gap(received.get(0), received.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(received.get(1).body())
                .as("the same gate, sent again")
                .isEqualTo(received.get(0).body());
        assertThat(arbiter.stats().retries()).isEqualTo(1);
    }

    @Test
    void busyAnswers_doNotOpenTheBreaker_butOutages_do() {
        ArbiterClient arbiter = server.client(settings -> settings.timeout(Duration.ofSeconds(5))
                .retryBackoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .circuitBreaker(2, Duration.ofSeconds(30)));
        // Retry-After (1 s) is beyond the 100 ms maximum backoff: each gate ends at once with the server's 503.
        server.then(BUSY, BUSY, BUSY);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> arbiter.stepGate("wf_1", "step-1", GATE)).isInstanceOf(ServerException.class);
        }
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.CLOSED);

        server.otherwise(Reply.json(503, """
                {"error":"service_unavailable","code":"SERVICE_UNAVAILABLE","message":"down"}"""));
        // A 503 without Retry-After is an outage: the read's attempts count, and the breaker opens.
        assertThatThrownBy(() -> arbiter.getWorkflow("wf_1")).isInstanceOf(ArbiterException.class);
        assertThat(arbiter.circuitState()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void read_busyEveryTime_givesUpAfterThreeAttempts_withTheServersAnswer() {
        server.otherwise(BUSY);
        ArbiterClient arbiter = client(Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThatThrownBy(() -> arbiter.getWorkflow("wf_1")).isInstanceOfSatisfying(ServerException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(503);
            assertThat(e.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(e.isRetriable()).isTrue();
        });

        List<Received> received = server.received();
        assertThat(received).hasSize(3);
        assertThat(gap(received.get(1), received.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void writesThatAreNotSafeToRepeat_areSentOnce_andCarryRetryAfter() {
        server.otherwise(BUSY);
        ArbiterClient arbiter = client(Duration.ofSeconds(5), Duration.ofSeconds(2));
        StepGateRequest reevaluate = Requests.stepGate("analyze", StepType.LLM_CALL)
                .retryPolicy(RetryPolicy.REEVALUATE)
                .build();
        List<ThrowingCallable> writes = List.of(
                () -> arbiter.createWorkflow(CreateWorkflowRequest.of("n", WorkflowSource.EXTERNAL)),
                () -> arbiter.stepGate("wf_1", "step-1", reevaluate),
                () -> arbiter.markStepCompleted("wf_1", "step-1"),
                () -> arbiter.approveStep("wf_1", "step-1", "approved by the on-call"),
                () -> arbiter.completeWorkflow("wf_1"),
                () -> arbiter.resumeFromCheckpoint("wf_1"),
                () -> arbiter.webhooks()
                        .create(new CreateWebhookRequest("https://ops.example.com", List.of("*"), null, null)),
                () -> arbiter.webhooks().delete("wh_1"));

        for (ThrowingCallable write : writes) {
            assertThatThrownBy(write)
                    .isInstanceOfSatisfying(
                            ServerException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
        }

        assertThat(server.received()).hasSize(writes.size());
        assertThat(arbiter.stats().retries()).isZero();
    }

    @Test
    void retryAfterBeyondTheMaxBackoff_isNotWaitedFor() {
        server.then(BUSY.header("Retry-After", "5"), Reply.json(200, ResilienceIT.WORKFLOW));
        ArbiterClient arbiter = client(Duration.ofSeconds(10), Duration.ofSeconds(2));
        long start = System.nanoTime();

        assertThatThrownBy(() -> arbiter.getWorkflow("wf_1"))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void aWaitThatWouldOutlastTheDeadline_endsWithTheServersAnswer_notATimeout() {
        server.otherwise(BUSY);
        ArbiterClient arbiter = client(Duration.ofMillis(1500), Duration.ofSeconds(2));

        assertThatThrownBy(() -> arbiter.stepGate("wf_1", "step-1", GATE))
                .isInstanceOfSatisfying(
                        ServerException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));

        assertThat(server.received())
                .as("one repeat fits in 1.5 s, a second would not")
                .hasSize(2);
        assertThat(arbiter.stats().failClosed()).isEqualTo(1);
    }

    private static Duration gap(Received first, Received second) {
        return Duration.ofNanos(second.atNanos() - first.atNanos());
    }
}
