package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.arbiter.client.policy.TenantPolicyRequest;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.workflow.Checkpoint;
import dev.arbiter.wire.workflow.CheckpointsResponse;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.ResumeFromCheckpointResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Checkpoints and both resume routes against the real server, with the seed 001 policies. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckpointsIT {
    private static final StepGateRequest ALLOWED =
            Requests.stepGate("plan", StepType.LLM_CALL).model("gpt-4o").build();
    private static final StepGateRequest BLOCKED =
            Requests.stepGate("write", StepType.LLM_CALL).model("gpt-4").build();

    private RealServer server;
    private ArbiterClient client;

    @BeforeAll
    void start() {
        server = RealServer.withPolicies(Policies.SEED_001);
        client = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void getCheckpoints_onePerGatedStep_byIndex_blockedOnesNotResumable() {
        String id = workflowWith("step-1", "step-2");

        CheckpointsResponse checkpoints = client.getCheckpoints(id);

        assertThat(checkpoints.workflowId()).isEqualTo(id);
        assertThat(checkpoints.checkpoints())
                .extracting(
                        Checkpoint::stepId, Checkpoint::stepIndex, Checkpoint::gateDecision, Checkpoint::isResumable)
                .containsExactly(
                        tuple("step-1", 1, GateDecision.ALLOW, true), tuple("step-2", 2, GateDecision.BLOCK, false));
        assertThat(checkpoints.checkpoints()).allSatisfy(c -> {
            assertThat(c.checkpointType()).isEqualTo("step_gate");
            assertThat(c.resumeCount()).isZero();
            assertThat(c.id()).isPositive();
        });
    }

    @Test
    void resumeFromCheckpoint_latest_reevaluatesTheLastResumableStepAndCountsIt() {
        String id = workflowWith("step-1", "step-2");

        ResumeFromCheckpointResponse first = client.resumeFromCheckpoint(id);
        ResumeFromCheckpointResponse second =
                client.resumeFromCheckpointAsync(id).join();

        assertThat(first.workflowId()).isEqualTo(id);
        assertThat(first.resumedFromCheckpoint())
                .as("the blocked step-2 is skipped")
                .isEqualTo("step-1");
        assertThat(first.resumedFromIndex()).isEqualTo(1);
        assertThat(first.newDecision()).isEqualTo(GateDecision.ALLOW);
        assertThat(first.decisionSource()).isEqualTo(DecisionSource.FRESH);
        assertThat(first.resumeCount()).isEqualTo(1);
        assertThat(first.message()).isEqualTo("Workflow resumed from checkpoint at step step-1 (index 1)");
        assertThat(second.resumeCount()).isEqualTo(2);
        assertThat(client.getCheckpoints(id).checkpoints().get(0).resumeCount()).isEqualTo(2);
    }

    @Test
    void resumeFromCheckpoint_givenCheckpoint_currentPoliciesDecide() {
        String tool = "publisher-" + UUID.randomUUID().toString().substring(0, 8);
        String id = client.createWorkflow("resume-after-policy-change", WorkflowSource.EXTERNAL)
                .workflowId();
        StepGateRequest publish = Requests.stepGate("tools/" + tool, StepType.TOOL_CALL)
                .tool(tool, "function", Map.of("target", "prod"))
                .build();
        assertThat(client.stepGate(id, "publish", publish).isAllowed()).isTrue();
        long checkpoint = client.getCheckpoints(id).checkpoints().get(0).id();
        PolicyResource policy = client.tenantPolicies()
                .create(TenantPolicyRequest.builder("block-" + tool)
                        .category("dynamic-security")
                        .when("tool_name", "equals", tool)
                        .action("block", "publishing is frozen")
                        .build());
        try {
            ResumeFromCheckpointResponse resumed = client.resumeFromCheckpoint(id, checkpoint);

            assertThat(resumed.resumedFromCheckpoint()).isEqualTo("publish");
            assertThat(resumed.newDecision()).isEqualTo(GateDecision.BLOCK);
            assertThat(client.getCheckpoints(id).checkpoints()).singleElement().satisfies(c -> {
                assertThat(c.gateDecision()).isEqualTo(GateDecision.BLOCK);
                assertThat(c.gateReason()).isEqualTo("publishing is frozen");
                assertThat(c.isResumable()).isFalse();
            });
        } finally {
            client.tenantPolicies().delete(policy.id());
        }
    }

    @Test
    void resumeFromCheckpoint_blockedCheckpointOrNoneResumable_is409NotResumable() {
        String id = workflowWith("step-1", "step-2");
        long blocked = client.getCheckpoints(id).checkpoints().get(1).id();
        String onlyBlocked =
                client.createWorkflow("only-blocked", WorkflowSource.EXTERNAL).workflowId();
        client.stepGate(onlyBlocked, "step-1", BLOCKED);

        assertThatThrownBy(() -> client.resumeFromCheckpoint(id, blocked))
                .isExactlyInstanceOf(ConflictException.class)
                .satisfies(e -> {
                    ConflictException conflict = (ConflictException) e;
                    assertThat(conflict.httpStatus()).isEqualTo(409);
                    assertThat(conflict.code()).isEqualTo("NOT_RESUMABLE");
                    assertThat(conflict.serverMessage())
                            .isEqualTo("checkpoint " + blocked + " is not resumable (step was blocked)");
                    assertThat(conflict.isRetriable()).isFalse();
                });
        assertThatThrownBy(() -> client.resumeFromCheckpoint(onlyBlocked))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("NOT_RESUMABLE");
                    assertThat(e.serverMessage())
                            .isEqualTo("no resumable checkpoint found for workflow " + onlyBlocked);
                });
        assertThat(client.getCheckpoints(id).checkpoints())
                .as("a refused resume counts nothing")
                .allSatisfy(c -> assertThat(c.resumeCount()).isZero());
    }

    @Test
    void resumeFromCheckpoint_unknownCheckpointOrWorkflow_isNotFound_badIdIsRefusedBeforeSending() {
        String id = workflowWith("step-1");
        String other = workflowWith("step-1");
        long othersCheckpoint =
                client.getCheckpoints(other).checkpoints().get(0).id();
        long sent = client.stats().requests();

        assertThatThrownBy(() -> client.resumeFromCheckpoint(id, othersCheckpoint))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Checkpoint not found"));
        assertThatThrownBy(() -> client.resumeFromCheckpoint("wf_missing"))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Workflow not found"));
        assertThatThrownBy(() -> client.getCheckpoints("wf_missing")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.resumeFromCheckpoint(id, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.resumeFromCheckpoint(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.stats().requests())
                .as("one request per call that reached the server")
                .isEqualTo(sent + 3);
    }

    @Test
    void resumeFromCheckpoint_finishedWorkflow_isWorkflowTerminal() {
        String id = workflowWith("step-1");
        client.completeWorkflow(id);

        assertThatThrownBy(() -> client.resumeFromCheckpoint(id))
                .isInstanceOfSatisfying(WorkflowTerminalException.class, e -> {
                    assertThat(e.code()).isEqualTo("WORKFLOW_TERMINAL");
                    assertThat(e.serverMessage()).contains("terminal state: completed");
                });
    }

    @Test
    void resumeFromCheckpoint_whileAnotherStepAwaitsApproval_isApprovalPending() {
        String id = workflowWith("step-1");
        StepGateRequest deploy =
                Requests.stepGate("deploy", StepType.CONNECTOR_CALL).build();
        assertThat(client.stepGate(id, "deploy", deploy).requiresApproval()).isTrue();
        long first = client.getCheckpoints(id).checkpoints().get(0).id();

        assertThatThrownBy(() -> client.resumeFromCheckpoint(id, first)).isInstanceOf(ApprovalPendingException.class);
    }

    /** A workflow whose steps are gated in order: the first allowed, any second one blocked (gpt-4). */
    private String workflowWith(String... stepIds) {
        String id =
                client.createWorkflow("checkpoints", WorkflowSource.EXTERNAL).workflowId();
        for (int i = 0; i < stepIds.length; i++) {
            client.stepGate(id, stepIds[i], i == 0 ? ALLOWED : BLOCKED);
        }
        return id;
    }
}
