package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.audit.AuditEntry;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.PendingApproval;
import dev.arbiter.wire.workflow.StepInfo;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** WorkflowSession flows against the real server with the seed 001 policies loaded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowSessionIT {
    private static final Duration POLL = Duration.ofMillis(50);

    private RealServer server;
    private ArbiterClient client;
    private ArbiterClient approver;

    @BeforeAll
    void start() {
        server = RealServer.withPolicies(Policies.SEED_001);
        client = ArbiterClient.create(server.endpoint());
        approver = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .userId("reviewer@example.com")
                .build());
    }

    @AfterAll
    void stop() {
        client.close();
        approver.close();
        server.close();
    }

    @Test
    void allowedSteps_normalClose_completesWorkflowWithDeterministicStepIds() {
        String id;
        try (WorkflowSession session =
                client.session("research-agent", WorkflowSource.LANGGRAPH).start("trace-allow")) {
            id = session.workflowId().orElseThrow();
            assertThat(session.checkGate("plan_research", StepType.LLM_CALL, "gpt-4o", "openai", Map.of("topic", "AI")))
                    .isTrue();
            session.stepCompleted("plan_research", Map.of("plan", "read papers"), Usage.of(120, 340, 0.0021));
            assertThat(session.checkGate("plan_research", StepType.LLM_CALL)).isTrue();
            session.stepCompleted("plan_research", Map.of("plan", "again"));
            assertThat(session.lastGate().orElseThrow().isAllowed()).isTrue();
        }

        WorkflowStatusResponse workflow = client.getWorkflow(id);
        assertThat(workflow.status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(workflow.traceId()).isEqualTo("trace-allow");
        assertThat(workflow.source()).isEqualTo(WorkflowSource.LANGGRAPH);
        assertThat(workflow.steps())
                .extracting(StepInfo::stepId)
                .containsExactly("step-1-plan_research", "step-2-plan_research");
        assertThat(requestTypes(id))
                .containsSubsequence(
                        "workflow_created",
                        "workflow_step_gate",
                        "workflow_step_completed",
                        "workflow_step_gate",
                        "workflow_step_completed",
                        "workflow_completed");
    }

    @Test
    void blockedStep_autoBlock_throwsWithReasonAndAbortsWithItsMessage() {
        AtomicReference<String> id = new AtomicReference<>();

        assertThatThrownBy(() -> {
                    try (WorkflowSession session =
                            client.session("code-gen", WorkflowSource.LANGGRAPH).start()) {
                        id.set(session.workflowId().orElseThrow());
                        session.checkGate("generate_code", StepType.LLM_CALL, "gpt-4", "openai", null);
                        throw new AssertionError("a blocked gate must not return");
                    }
                })
                .isInstanceOfSatisfying(WorkflowBlockedException.class, e -> {
                    assertThat(e.reason()).contains("GPT-4 not allowed in production workflows");
                    assertThat(e.policyIds()).isNotEmpty();
                    assertThat(e.stepId()).isEqualTo("step-1-generate_code");
                    assertThat(e.stepName()).isEqualTo("generate_code");
                });

        assertThat(client.getWorkflow(id.get()).status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(abortReason(id.get()))
                .isEqualTo("Step 'generate_code' blocked by policy: GPT-4 not allowed in production workflows");
    }

    @Test
    void blockedStep_autoBlockOff_returnsFalseAndSessionStillCompletes() {
        String id;
        try (WorkflowSession session = client.session("code-gen", WorkflowSource.LANGGRAPH)
                .autoBlock(false)
                .start()) {
            id = session.workflowId().orElseThrow();
            assertThat(session.checkGate("generate_code", StepType.LLM_CALL, "gpt-4", "openai", null))
                    .isFalse();
            assertThat(session.lastGate().orElseThrow().isBlocked()).isTrue();
        }

        assertThat(client.getWorkflow(id).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void caughtBlock_bodyCarriesOn_closeCompletes() {
        String id;
        try (WorkflowSession session =
                client.session("fallback", WorkflowSource.LANGCHAIN).start()) {
            id = session.workflowId().orElseThrow();
            try {
                session.checkGate("generate_code", StepType.LLM_CALL, "gpt-4", "openai", null);
            } catch (WorkflowBlockedException blocked) {
                assertThat(session.checkGate("generate_code_fallback", StepType.LLM_CALL, "gpt-4o", "openai", null))
                        .isTrue();
            }
        }

        assertThat(client.getWorkflow(id).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void requireApproval_sessionWaits_continuesOnceApprovedThroughTheApi() {
        String id;
        try (WorkflowSession session = client.session("deploy-pipeline", WorkflowSource.EXTERNAL)
                .waitForApproval(POLL, Duration.ofSeconds(20))
                .start()) {
            id = session.workflowId().orElseThrow();
            CompletableFuture<Void> approval = approveWhenPending(id, "Change ticket CHG-1234 approved");

            assertThat(session.checkGate("deploy", StepType.CONNECTOR_CALL)).isTrue();
            approval.join();
            session.stepCompleted("deploy", Map.of("deployed", true));
        }

        WorkflowStatusResponse workflow = client.getWorkflow(id);
        assertThat(workflow.status()).isEqualTo(WorkflowStatus.COMPLETED);
        StepInfo deploy = workflow.steps().get(0);
        assertThat(deploy.approvalStatus()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(deploy.approvedBy()).isEqualTo("reviewer@example.com");
    }

    @Test
    void requireApproval_notWaiting_throwsWithApprovalId_thenWaitForApprovalContinues() {
        String id;
        try (WorkflowSession session =
                client.session("deploy-pipeline", WorkflowSource.EXTERNAL).start()) {
            id = session.workflowId().orElseThrow();
            ApprovalRequiredException required = org.junit.jupiter.api.Assertions.assertThrows(
                    ApprovalRequiredException.class, () -> session.checkGate("deploy", StepType.CONNECTOR_CALL));
            assertThat(required.approvalId()).isPresent();
            assertThat(required.reason()).contains("Deployment steps require human approval");
            assertThat(client.getPendingApprovals().pendingApprovals())
                    .anySatisfy(p -> assertThat(p.workflowId()).isEqualTo(id));

            approver.approveStep(id, required.stepId(), "Approved in the change board");
            session.waitForApproval(POLL, Duration.ofSeconds(10));
            session.stepCompleted("deploy", Map.of("deployed", true));
        }

        assertThat(client.getWorkflow(id).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void requireApproval_rejected_throwsDeniedAndWorkflowStaysAborted() {
        AtomicReference<String> id = new AtomicReference<>();

        assertThatThrownBy(() -> {
                    try (WorkflowSession session = client.session("deploy-pipeline", WorkflowSource.EXTERNAL)
                            .waitForApproval(POLL, Duration.ofSeconds(20))
                            .start()) {
                        id.set(session.workflowId().orElseThrow());
                        rejectWhenPending(session.workflowId().orElseThrow());
                        session.checkGate("deploy", StepType.CONNECTOR_CALL);
                    }
                })
                .isInstanceOfSatisfying(
                        ApprovalDeniedException.class,
                        e -> assertThat(e.status()).contains(ApprovalStatus.REJECTED));

        assertThat(client.getWorkflow(id.get()).status()).isEqualTo(WorkflowStatus.ABORTED);
    }

    @Test
    void requireApproval_noApprovalInTime_failsClosedAndAborts() {
        AtomicReference<String> id = new AtomicReference<>();

        assertThatThrownBy(() -> {
                    try (WorkflowSession session = client.session("deploy-pipeline", WorkflowSource.EXTERNAL)
                            .waitForApproval(POLL, Duration.ofMillis(300))
                            .start()) {
                        id.set(session.workflowId().orElseThrow());
                        session.checkGate("deploy", StepType.CONNECTOR_CALL);
                    }
                })
                .isInstanceOf(ApprovalTimeoutException.class)
                .hasMessageContaining("No approval of step 'deploy'");

        assertThat(client.getWorkflow(id.get()).status()).isEqualTo(WorkflowStatus.ABORTED);
    }

    @Test
    void exceptionInBody_throughCall_abortsWithTheExceptionMessage() {
        AtomicReference<String> id = new AtomicReference<>();

        assertThatThrownBy(() -> {
                    try (WorkflowSession session = client.session("research-agent", WorkflowSource.LANGGRAPH)
                            .start()) {
                        id.set(session.workflowId().orElseThrow());
                        session.checkGate("plan_research", StepType.LLM_CALL, "gpt-4o", "openai", null);
                        session.call(() -> {
                            throw new IllegalStateException("model provider returned 529 overloaded");
                        });
                    }
                })
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("model provider returned 529 overloaded");

        assertThat(client.getWorkflow(id.get()).status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(abortReason(id.get())).isEqualTo("model provider returned 529 overloaded");
    }

    @Test
    void runForm_bodyThrowsCheckedException_abortsAndRethrowsIt() {
        AtomicReference<String> id = new AtomicReference<>();

        assertThatThrownBy(() -> client.session("research-agent", WorkflowSource.LANGGRAPH)
                        .run("trace-run", session -> {
                            id.set(session.workflowId().orElseThrow());
                            throw new java.io.IOException("search index unreachable");
                        }))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("search index unreachable");

        assertThat(client.getWorkflow(id.get()).status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(abortReason(id.get())).isEqualTo("search index unreachable");
    }

    @Test
    void runForm_bodyReturns_completesAndReturnsTheValue() {
        AtomicReference<String> id = new AtomicReference<>();

        String answer = client.session("research-agent", WorkflowSource.LANGGRAPH)
                .run(null, session -> {
                    id.set(session.workflowId().orElseThrow());
                    session.checkGate("answer", StepType.LLM_CALL, "gpt-4o", "openai", null);
                    session.stepCompleted("answer", Map.of("text", "42"));
                    return "42";
                });

        assertThat(answer).isEqualTo("42");
        assertThat(client.getWorkflow(id.get()).status()).isEqualTo(WorkflowStatus.COMPLETED);
    }

    @Test
    void toolGates_perToolPolicies_allowSearchBlockExecutorAndDangerousSql() {
        try (WorkflowSession session = client.session("research-agent", WorkflowSource.LANGGRAPH)
                .autoBlock(false)
                .start()) {
            assertThat(session.checkToolGate("web_search", "function", Map.of("query", "latest AI research")))
                    .isTrue();
            session.toolCompleted("web_search", Map.of("results", List.of("a", "b")));
            assertThat(session.checkToolGate("code_executor", "function", Map.of("code", "rm -rf /")))
                    .isFalse();
            assertThat(session.checkToolGate("sql_query", "mcp", Map.of("query", "SELECT * FROM users LIMIT 10")))
                    .isTrue();
            assertThat(session.checkToolGate("sql_query", "mcp", Map.of("query", "DROP TABLE users")))
                    .isFalse();

            WorkflowStatusResponse workflow =
                    client.getWorkflow(session.workflowId().orElseThrow());
            assertThat(workflow.steps())
                    .extracting(StepInfo::stepId)
                    .containsExactly(
                            "step-1-tools-web_search",
                            "step-1-tools-code_executor",
                            "step-1-tools-sql_query",
                            "step-2-tools-sql_query");
            assertThat(workflow.steps())
                    .extracting(StepInfo::stepName)
                    .containsExactly("tools/web_search", "tools/code_executor", "tools/sql_query", "tools/sql_query");
            assertThat(workflow.steps())
                    .allSatisfy(s -> assertThat(s.stepType()).isEqualTo(StepType.TOOL_CALL));
        }
    }

    @Test
    void stepCompleted_stepNeverGated_isAProgrammingError() {
        try (WorkflowSession session =
                client.session("misuse", WorkflowSource.EXTERNAL).start()) {
            assertThatThrownBy(() -> session.stepCompleted("never", Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was not gated");
        }
    }

    @Test
    void explicitAbort_closeDoesNothingMore() {
        String id;
        try (WorkflowSession session =
                client.session("explicit", WorkflowSource.EXTERNAL).start()) {
            id = session.workflowId().orElseThrow();
            session.abort("user cancelled the run");
            assertThatThrownBy(() -> session.checkGate("late", StepType.LLM_CALL))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has ended");
        }

        assertThat(client.getWorkflow(id).status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(abortReason(id)).isEqualTo("user cancelled the run");
    }

    private CompletableFuture<Void> approveWhenPending(String workflowId, String comment) {
        return CompletableFuture.runAsync(() -> {
            PendingApproval pending = awaitPending(workflowId);
            approver.approveStep(workflowId, pending.stepId(), comment);
        });
    }

    private void rejectWhenPending(String workflowId) {
        CompletableFuture.runAsync(() -> {
            PendingApproval pending = awaitPending(workflowId);
            approver.rejectStep(workflowId, pending.stepId(), "Not during the release freeze");
        });
    }

    private PendingApproval awaitPending(String workflowId) {
        for (int i = 0; i < 400; i++) {
            for (PendingApproval p : approver.getPendingApprovals(100).pendingApprovals()) {
                if (p.workflowId().equals(workflowId)) {
                    return p;
                }
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no pending approval appeared for " + workflowId);
    }

    private List<String> requestTypes(String workflowId) {
        List<AuditEntry> entries = client.searchAuditLogs(
                        new AuditSearchRequest(null, null, null, null, null, workflowId, 100, null))
                .entries();
        return entries.reversed().stream().map(AuditEntry::requestType).toList();
    }

    private String abortReason(String workflowId) {
        AuditEntry aborted = client.searchAuditLogs(
                        new AuditSearchRequest(null, null, null, null, "workflow_aborted", workflowId, 10, null))
                .entries()
                .get(0);
        return String.valueOf(aborted.metadata().get("reason"));
    }
}
