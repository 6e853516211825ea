package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.ResumeFromCheckpointResponse;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepInfo;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Approval expiry against the real server, whose clock the tests move past its one-hour
 * {@code ARBITER_APPROVAL_TIMEOUT}: approve, reject and resume answer {@link ApprovalExpiredException}, a
 * waiting session fails closed, and a checkpoint resume asks for approval again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalExpiryIT {
    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final StepGateRequest DEPLOY =
            Requests.stepGate("deploy", StepType.CONNECTOR_CALL).build();

    private final MutableClock serverClock = new MutableClock(Instant.now());
    private RealServer server;
    private ArbiterClient client;

    @BeforeAll
    void start() {
        server = RealServer.withApprovalTimeout(Policies.SEED_001, TIMEOUT, serverClock);
        client = server.client(settings -> settings.userId("alice@example.com"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void approveOrReject_afterTheTimeout_throwApprovalExpired_andTheWorkflowGoesOn() {
        String id = pendingDeploy();
        serverClock.advance(TIMEOUT);

        assertThatThrownBy(() -> client.approveStep(id, "deploy", "looks good to me, ship it"))
                .isInstanceOfSatisfying(ApprovalExpiredException.class, e -> {
                    assertThat(e).isInstanceOf(ConflictException.class);
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("APPROVAL_EXPIRED");
                    assertThat(e.serverMessage()).contains("approval timed out");
                    assertThat(e.isRetriable()).isFalse();
                });
        assertThatThrownBy(() -> client.rejectStep(id, "deploy", "too late to decide now"))
                .isInstanceOf(ApprovalExpiredException.class);

        WorkflowStatusResponse workflow = client.getWorkflow(id);
        assertThat(workflow.status()).as("expiry does not end the workflow").isEqualTo(WorkflowStatus.IN_PROGRESS);
        assertThat(workflow.steps())
                .singleElement()
                .extracting(StepInfo::approvalStatus)
                .isEqualTo(ApprovalStatus.EXPIRED);
    }

    @Test
    void approve_beforeTheTimeout_works() {
        String id = pendingDeploy();
        serverClock.advance(TIMEOUT.minusMinutes(1));

        StepApprovalResponse approved = client.approveStep(id, "deploy", "approved in time by alice");

        assertThat(approved.decision()).isEqualTo(GateDecision.ALLOW);
    }

    @Test
    void resume_afterExpiry_throwsApprovalExpired_thenACheckpointResumeAsksForApprovalAgain() {
        String id = pendingDeploy();
        serverClock.advance(TIMEOUT.plusMinutes(5));

        assertThatThrownBy(() -> client.resumeWorkflow(id))
                .isInstanceOfSatisfying(
                        ApprovalExpiredException.class,
                        e -> assertThat(e.serverMessage())
                                .isEqualTo("workflow step deploy expired (approval timed out)"));
        ResumeFromCheckpointResponse resumed = client.resumeFromCheckpoint(id);
        StepApprovalResponse approved = client.approveStep(id, "deploy", "second request, approved");

        assertThat(resumed.resumedFromCheckpoint()).isEqualTo("deploy");
        assertThat(resumed.newDecision()).isEqualTo(GateDecision.REQUIRE_APPROVAL);
        assertThat(approved.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(client.resumeWorkflow(id).status()).isEqualTo(WorkflowStatus.IN_PROGRESS);
    }

    @Test
    void sessionWaitingForApproval_failsClosedWhenTheApprovalExpires() {
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                .execute(() -> serverClock.advance(TIMEOUT.plusSeconds(1)));

        try (WorkflowSession session = client.session("expiring-deploy", WorkflowSource.EXTERNAL)
                .waitForApproval(Duration.ofMillis(50), Duration.ofSeconds(20))
                .start()) {
            assertThatThrownBy(() -> session.checkGate("deploy", StepType.CONNECTOR_CALL))
                    .isInstanceOfSatisfying(ApprovalDeniedException.class, e -> {
                        assertThat(e.status()).contains(ApprovalStatus.EXPIRED);
                        assertThat(e.stepName()).isEqualTo("deploy");
                    });
        }
    }

    private String pendingDeploy() {
        String id = client.createWorkflow("release", WorkflowSource.EXTERNAL).workflowId();
        assertThat(client.stepGate(id, "deploy", DEPLOY).requiresApproval()).isTrue();
        return id;
    }
}
