package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.HealthResponse;
import dev.arbiter.wire.audit.AuditEntry;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.audit.AuditSearchResponse;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.ListWorkflowsResponse;
import dev.arbiter.wire.workflow.PendingApprovalsResponse;
import dev.arbiter.wire.workflow.PriorCompletionStatus;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowActionResponse;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every Workflow Control Plane, approval, audit and health method against the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArbiterClientIT {
    private RealServer server;
    private ArbiterClient client;

    @BeforeAll
    void start() {
        server = RealServer.withPolicies(Policies.SEED_001);
        client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .userId("alice@example.com")
                .build());
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void health_realServer_isHealthyWithDatabaseConnected() {
        HealthResponse health = client.health();

        assertThat(health.status()).isEqualTo("healthy");
        assertThat(health.service()).isEqualTo("arbiter");
        assertThat(health.components()).containsEntry("database", "connected");
    }

    @Test
    void createWorkflow_withTraceIdAndMetadata_roundTripsThroughGetAndList() {
        String trace = "langsmith-run-" + UUID.randomUUID();
        CreateWorkflowResponse created = client.createWorkflow(Requests.createWorkflow("research-agent")
                .source(WorkflowSource.LANGGRAPH)
                .traceId(trace)
                .metadata(Map.of("team", "engineering"))
                .build());

        assertThat(created.workflowId()).startsWith("wf_");
        assertThat(created.status()).isEqualTo(WorkflowStatus.IN_PROGRESS);
        assertThat(created.traceId()).isEqualTo(trace);
        WorkflowStatusResponse fetched = client.getWorkflow(created.workflowId());
        assertThat(fetched.workflowName()).isEqualTo("research-agent");
        assertThat(fetched.source()).isEqualTo(WorkflowSource.LANGGRAPH);
        assertThat(fetched.traceId()).isEqualTo(trace);
        ListWorkflowsResponse byTrace = client.listWorkflows(
                ListWorkflowsOptions.builder().traceId(trace).build());
        assertThat(byTrace.workflows())
                .extracting(WorkflowStatusResponse::workflowId)
                .containsExactly(created.workflowId());
        assertThat(byTrace.total()).isEqualTo(1);
        assertThat(byTrace.hasMore()).isFalse();
    }

    @Test
    void listWorkflows_statusSourceAndPaging_filterOnTheServer() {
        String first = client.createWorkflow("listing", WorkflowSource.CREWAI).workflowId();
        String second = client.createWorkflow("listing", WorkflowSource.CREWAI).workflowId();
        client.failWorkflow(first, "pipeline error: step 3 timed out");

        ListWorkflowsResponse failed = client.listWorkflows(ListWorkflowsOptions.builder()
                .status(WorkflowStatus.FAILED)
                .source(WorkflowSource.CREWAI)
                .build());
        ListWorkflowsResponse page = client.listWorkflows(ListWorkflowsOptions.builder()
                .source(WorkflowSource.CREWAI)
                .limit(1)
                .offset(0)
                .build());

        assertThat(failed.workflows())
                .extracting(WorkflowStatusResponse::workflowId)
                .contains(first)
                .doesNotContain(second);
        assertThat(page.workflows()).hasSize(1);
        assertThat(page.limit()).isEqualTo(1);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void stepGate_noMatchingPolicy_allowsFreshThenCachedOnRegate() {
        String id = client.createWorkflow("gates", WorkflowSource.EXTERNAL).workflowId();
        StepGateRequest request = Requests.stepGate("Generate Code", StepType.LLM_CALL)
                .model("gpt-4o")
                .provider("openai")
                .build();

        StepGateResponse first = client.stepGate(id, "step-1", request);
        StepGateResponse again = client.stepGate(id, "step-1", request);

        assertThat(first.isAllowed()).isTrue();
        assertThat(first.stepId()).isEqualTo("step-1");
        assertThat(first.decisionId()).isEqualTo("dec_" + id + "_step-1");
        assertThat(first.decisionSource()).isEqualTo(DecisionSource.FRESH);
        assertThat(first.retryContext().gateCount()).isEqualTo(1);
        assertThat(again.cached()).isTrue();
        assertThat(again.decisionSource()).isEqualTo(DecisionSource.CACHED);
        assertThat(again.retryContext().gateCount()).isEqualTo(2);
    }

    @Test
    void stepGate_blockPolicy_answersBlockWithReasonAndPolicyIds() {
        String id = client.createWorkflow("gates", WorkflowSource.EXTERNAL).workflowId();

        StepGateResponse gate = client.stepGate(
                id,
                "step-1",
                Requests.stepGate("Generate Code", StepType.LLM_CALL)
                        .model("gpt-4")
                        .build());

        assertThat(gate.isBlocked()).isTrue();
        assertThat(gate.reason()).contains("GPT-4 not allowed in production workflows");
        assertThat(gate.policyIds()).isNotEmpty();
    }

    @Test
    void markStepCompleted_withOutputAndUsage_isVisibleToARetriedGate() {
        String id =
                client.createWorkflow("complete-step", WorkflowSource.EXTERNAL).workflowId();
        StepGateRequest request =
                Requests.stepGate("analyze", StepType.LLM_CALL).build();
        client.stepGate(id, "step-1-analyze", request);

        client.markStepCompleted(
                id,
                "step-1-analyze",
                Requests.stepCompleted()
                        .output(Map.of("summary", "looks fine"))
                        .usage(Usage.of(120, 340, 0.0021))
                        .build());
        StepGateResponse retried = client.stepGate(id, "step-1-analyze", request, true);

        assertThat(retried.retryContext().priorCompletionStatus()).isEqualTo(PriorCompletionStatus.COMPLETED);
        assertThat(retried.retryContext().priorOutputAvailable()).isTrue();
        assertThat(retried.retryContext().priorOutput()).isEqualTo(Map.of("summary", "looks fine"));
    }

    @Test
    void markStepCompleted_unknownStep_throwsNotFound() {
        String id =
                client.createWorkflow("complete-step", WorkflowSource.EXTERNAL).workflowId();

        assertThatThrownBy(() -> client.markStepCompleted(id, "never-gated"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NOT_FOUND");
                });
    }

    @Test
    void lifecycle_completeAbortFailResume_returnTheirStatuses() {
        String completed =
                client.createWorkflow("lifecycle", WorkflowSource.EXTERNAL).workflowId();
        String aborted =
                client.createWorkflow("lifecycle", WorkflowSource.EXTERNAL).workflowId();
        String failed =
                client.createWorkflow("lifecycle", WorkflowSource.EXTERNAL).workflowId();

        WorkflowActionResponse resumed = client.resumeWorkflow(completed);
        WorkflowActionResponse complete = client.completeWorkflow(completed);
        WorkflowActionResponse abort = client.abortWorkflow(aborted, "Blocked by policy");
        WorkflowActionResponse fail = client.failWorkflow(failed, null);

        assertThat(resumed.status()).isEqualTo(WorkflowStatus.IN_PROGRESS);
        assertThat(complete.status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(abort.status()).isEqualTo(WorkflowStatus.ABORTED);
        assertThat(abort.reason()).isEqualTo("Blocked by policy");
        assertThat(fail.status()).isEqualTo(WorkflowStatus.FAILED);
        assertThat(client.getWorkflow(failed).status()).isEqualTo(WorkflowStatus.FAILED);
    }

    @Test
    void terminalWorkflow_gateOrComplete_throwsWorkflowTerminalException() {
        String id = client.createWorkflow("terminal", WorkflowSource.EXTERNAL).workflowId();
        client.completeWorkflow(id);

        assertThatThrownBy(() -> client.stepGate(id, "late", StepGateRequest.of("late", StepType.LLM_CALL)))
                .isInstanceOfSatisfying(WorkflowTerminalException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("WORKFLOW_TERMINAL");
                    assertThat(e.serverMessage()).contains("terminal");
                    assertThat(e.rawBody()).contains("WORKFLOW_TERMINAL");
                    assertThat(e.isRetriable()).isFalse();
                });
        assertThatThrownBy(() -> client.completeWorkflow(id)).isInstanceOf(WorkflowTerminalException.class);
    }

    @Test
    void getWorkflow_unknownId_throwsNotFound() {
        assertThatThrownBy(() -> client.getWorkflow("wf_doesnotexist"))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Workflow not found"));
    }

    @Test
    void requireApproval_approveThroughApi_recordsApproverAndAllowsRegate() {
        String id = client.createWorkflow("deploy-pipeline", WorkflowSource.EXTERNAL)
                .workflowId();
        StepGateRequest deploy = StepGateRequest.of("deploy", StepType.CONNECTOR_CALL);
        StepGateResponse gate = client.stepGate(id, "step-1-deploy", deploy);
        assertThat(gate.requiresApproval()).isTrue();
        assertThat(gate.approvalId()).isNotBlank();

        PendingApprovalsResponse pending = client.getPendingApprovals(100);
        assertThat(pending.pendingApprovals()).anySatisfy(p -> {
            assertThat(p.workflowId()).isEqualTo(id);
            assertThat(p.stepId()).isEqualTo("step-1-deploy");
        });
        assertThatThrownBy(() -> client.stepGate(id, "step-2-other", StepGateRequest.of("other", StepType.LLM_CALL)))
                .isInstanceOf(ApprovalPendingException.class);
        assertThatThrownBy(() -> client.completeWorkflow(id)).isInstanceOf(ApprovalPendingException.class);

        StepApprovalResponse approved = client.approveStep(id, "step-1-deploy", "Change ticket CHG-1234 approved");

        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(approved.approvedBy()).isEqualTo("alice@example.com");
        assertThat(client.stepGate(id, "step-1-deploy", deploy).isAllowed()).isTrue();
        assertThat(client.getPendingApprovals().pendingApprovals())
                .noneSatisfy(p -> assertThat(p.workflowId()).isEqualTo(id));
    }

    @Test
    void requireApproval_reject_abortsTheWorkflow() {
        String id = client.createWorkflow("deploy-pipeline", WorkflowSource.EXTERNAL)
                .workflowId();
        client.stepGate(id, "step-1-deploy", StepGateRequest.of("deploy", StepType.CONNECTOR_CALL));

        StepApprovalResponse rejected = client.rejectStep(id, "step-1-deploy", "Not during the freeze window");

        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(rejected.decision()).isEqualTo(GateDecision.BLOCK);
        assertThat(client.getWorkflow(id).status()).isEqualTo(WorkflowStatus.ABORTED);
    }

    @Test
    void approveStep_shortComment_throwsValidationException() {
        String id = client.createWorkflow("deploy-pipeline", WorkflowSource.EXTERNAL)
                .workflowId();
        client.stepGate(id, "step-1-deploy", StepGateRequest.of("deploy", StepType.CONNECTOR_CALL));

        assertThatThrownBy(() -> client.approveStep(id, "step-1-deploy", "ok"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.serverMessage()).contains("10 characters");
                });
    }

    @Test
    void approveStep_stepThatNeedsNoApproval_throwsConflictWithCode() {
        String id = client.createWorkflow("approvals", WorkflowSource.EXTERNAL).workflowId();
        client.stepGate(id, "plain", StepGateRequest.of("plain", StepType.LLM_CALL));

        assertThatThrownBy(() -> client.approveStep(id, "plain", "Looks good to me, ship it"))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("NO_APPROVAL_NEEDED"));
    }

    @Test
    void stepGate_toolContextWithoutToolName_throwsValidationWithContractCode() {
        String id = client.createWorkflow("tools", WorkflowSource.EXTERNAL).workflowId();
        StepGateRequest bad = new StepGateRequest(
                "tools/x",
                StepType.TOOL_CALL,
                null,
                null,
                null,
                null,
                null,
                null,
                new dev.arbiter.wire.workflow.ToolContext(null, "function", null),
                null,
                null);

        assertThatThrownBy(() -> client.stepGate(id, "t", bad))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.code()).isEqualTo("INVALID_TOOL_CONTEXT"));
    }

    @Test
    void stepGate_differentIdempotencyKey_throwsMismatchWithBothKeys() {
        String id =
                client.createWorkflow("idempotency", WorkflowSource.EXTERNAL).workflowId();
        client.stepGate(
                id,
                "s",
                Requests.stepGate("s", StepType.LLM_CALL)
                        .idempotencyKey("key-1")
                        .build());

        assertThatThrownBy(() -> client.stepGate(
                        id,
                        "s",
                        Requests.stepGate("s", StepType.LLM_CALL)
                                .idempotencyKey("key-2")
                                .build()))
                .isInstanceOfSatisfying(IdempotencyKeyMismatchException.class, e -> {
                    assertThat(e.expectedKey()).contains("key-1");
                    assertThat(e.receivedKey()).contains("key-2");
                });
    }

    @Test
    void searchAuditLogs_byWorkflowId_returnsItsOperationsNewestFirst() {
        String id = client.createWorkflow("audited", WorkflowSource.EXTERNAL).workflowId();
        client.stepGate(id, "step-1", StepGateRequest.of("analyze", StepType.LLM_CALL));
        client.completeWorkflow(id);

        AuditSearchResponse found =
                client.searchAuditLogs(new AuditSearchRequest(null, null, null, null, null, id, 50, null));

        assertThat(found.entries())
                .extracting(AuditEntry::requestType)
                .containsExactly("workflow_completed", "workflow_step_gate", "workflow_created");
        assertThat(found.entries()).allSatisfy(e -> assertThat(e.requestId()).isEqualTo(id));
        assertThat(found.total()).isEqualTo(3);
    }

    @Test
    void asyncCalls_chain_withoutBlocking() {
        WorkflowStatusResponse status = client.createWorkflowAsync(
                        Requests.createWorkflow("async").build())
                .thenCompose(created -> client.stepGateAsync(
                                created.workflowId(), "step-1", StepGateRequest.of("one", StepType.LLM_CALL))
                        .thenCompose(gate -> client.completeWorkflowAsync(created.workflowId()))
                        .thenCompose(done -> client.getWorkflowAsync(created.workflowId())))
                .join();

        assertThat(status.status()).isEqualTo(WorkflowStatus.COMPLETED);
        assertThat(status.totalSteps()).isEqualTo(1);
    }

    @Test
    void asyncCall_serverError_completesExceptionallyWithTypedException() {
        assertThat(client.getWorkflowAsync("wf_missing"))
                .failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void stats_countRequestsAndNoFailuresOnAHealthyServer() {
        long before = client.stats().requests();

        client.health();
        client.listWorkflows();

        ClientStats stats = client.stats();
        assertThat(stats.requests()).isGreaterThanOrEqualTo(before + 2);
        assertThat(stats.failures()).isZero();
        assertThat(stats.circuitState()).isEqualTo(CircuitState.CLOSED);
    }
}
