package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.client.ScriptedServer.Received;
import dev.arbiter.client.ScriptedServer.Reply;
import dev.arbiter.wire.HealthResponse;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.audit.AuditSearchResponse;
import dev.arbiter.wire.webhook.ListWebhooksResponse;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.ListWorkflowsResponse;
import dev.arbiter.wire.workflow.PendingApprovalsResponse;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against servers that answer older or differing shapes (contract §11.1), and what it puts
 * on the wire: paths, query, headers and snake_case bodies.
 */
class CompatibilityIT {
    private final ScriptedServer server = ScriptedServer.start();
    private final ArbiterClient client = ArbiterClient.create(ArbiterConfig.builder()
            .endpoint(server.endpoint() + "/")
            .clientId("my-workflow-app")
            .clientSecret("your-secret")
            .tenantId("bank-1")
            .userId("alice@example.com")
            .build());

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void seedQuickStartGateAnswer_minimalV1Shape_isUnderstood() {
        server.then(Reply.json(200, """
                {"decision": "block", "step_id": "step-1", "reason": "GPT-4 not allowed in production",
                 "policy_ids": ["policy_gpt4_block"]}"""));

        StepGateResponse gate = client.stepGate(
                "wf_abc123",
                "step-1",
                Requests.stepGate("Generate Code", StepType.LLM_CALL)
                        .model("gpt-4")
                        .provider("openai")
                        .build());

        assertThat(gate.isBlocked()).isTrue();
        assertThat(gate.reason()).isEqualTo("GPT-4 not allowed in production");
        assertThat(gate.policyIds()).containsExactly("policy_gpt4_block");
        assertThat(gate.retryContext()).isNull();
    }

    @Test
    void requests_carryCredentialsIdentityHeadersAndSnakeCaseBodies() {
        server.then(Reply.json(200, """
                {"decision": "allow", "step_id": "step-tools-web_search"}"""));

        client.stepGate(
                "wf_1",
                "step-tools-web_search",
                Requests.stepGate("tools/web_search", StepType.TOOL_CALL)
                        .tool("web_search", "function", Map.of("query", "latest AI research"))
                        .build(),
                true);

        Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/workflows/wf_1/steps/step-tools-web_search/gate");
        assertThat(request.query()).isEqualTo("include_prior_output=true");
        String basic =
                Base64.getEncoder().encodeToString("my-workflow-app:your-secret".getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("Authorization")).isEqualTo("Basic " + basic);
        assertThat(request.header("X-Client-ID")).isEqualTo("my-workflow-app");
        assertThat(request.header("X-Tenant-ID")).isEqualTo("bank-1");
        assertThat(request.header("X-User-ID")).isEqualTo("alice@example.com");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.body())
                .isEqualTo("{\"step_name\":\"tools/web_search\",\"step_type\":\"tool_call\",\"tool_context\":"
                        + "{\"tool_name\":\"web_search\",\"tool_type\":\"function\",\"tool_input\":"
                        + "{\"query\":\"latest AI research\"}}}");
    }

    @Test
    void pathSegments_areEncoded() {
        server.then(Reply.json(404, "{\"error\":\"not_found\",\"code\":\"NOT_FOUND\",\"message\":\"Step not found\"}"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.markStepCompleted("wf 1", "step/1?x"))
                .isInstanceOf(NotFoundException.class);

        assertThat(server.received().get(0).path()).isEqualTo("/api/v1/workflows/wf 1/steps/step/1?x/complete");
        assertThat(server.received().get(0).query()).isNull();
    }

    @Test
    void pendingApprovals_sdkShapeApprovalsTotal_isMapped() {
        server.then(Reply.json(200, """
                {"approvals": [{"workflow_id": "wf_1", "workflow_name": "deploy", "step_id": "step-1-deploy",
                  "step_index": 1, "decision": "require_approval", "approval_status": "pending",
                  "created_at": "2026-02-07T10:00:00Z", "some_future_field": {"x": 1}}], "total": 7}"""));

        PendingApprovalsResponse pending = client.getPendingApprovals(5);

        assertThat(pending.count()).isEqualTo(7);
        assertThat(pending.pendingApprovals()).singleElement().satisfies(p -> {
            assertThat(p.stepId()).isEqualTo("step-1-deploy");
            assertThat(p.approvalStatus()).isEqualTo(ApprovalStatus.PENDING);
        });
        assertThat(server.received().get(0).query()).isEqualTo("limit=5");
    }

    @Test
    void pendingApprovals_serverShape_isReadAsIs() {
        server.then(Reply.json(200, """
                {"pending_approvals": [], "count": 0}"""));

        assertThat(client.getPendingApprovals().pendingApprovals()).isEmpty();
        assertThat(server.received().get(0).path()).isEqualTo("/api/v1/workflows/approvals/pending");
    }

    @Test
    void approveStep_v1ShapeWithoutStatus_isCompleted() {
        server.then(Reply.json(200, """
                {"workflow_id": "wf_1", "step_id": "step-1", "approval_status": "approved",
                 "approved_by": "alice@example.com", "message": "Step approved"}"""));

        StepApprovalResponse approved = client.approveStep("wf_1", "step-1", "Looks good to ship");

        assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.approvalStatus()).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(approved.decision()).isEqualTo(GateDecision.ALLOW);
        assertThat(approved.approvedBy()).isEqualTo("alice@example.com");
        assertThat(server.received().get(0).body()).isEqualTo("{\"comment\":\"Looks good to ship\"}");
    }

    @Test
    void auditSearch_oldBareArrayOfRawRows_isWrappedAndMapped() {
        server.then(Reply.json(200, """
                [{"id": "audit_1", "request_id": "wf_1", "timestamp": "2026-02-07T10:00:00Z", "user_id": 0,
                  "tenant_id": "t", "request_type": "workflow_step_gate",
                  "query": "Workflow: deploy, Operation: step_gate", "policy_decision": "blocked",
                  "policy_details": {"step_id": "step-1"}}]"""));

        AuditSearchResponse found =
                client.searchAuditLogs(new AuditSearchRequest(null, null, null, null, null, "wf_1", 10, 0));

        assertThat(found.total()).isEqualTo(1);
        assertThat(found.limit()).isEqualTo(10);
        assertThat(found.entries()).singleElement().satisfies(e -> {
            assertThat(e.blocked()).isTrue();
            assertThat(e.success()).isFalse();
            assertThat(e.querySummary()).isEqualTo("Workflow: deploy, Operation: step_gate");
            assertThat(e.metadata()).containsEntry("step_id", "step-1");
            assertThat(e.policyViolations()).isEmpty();
        });
    }

    @Test
    void health_oldShapeWithoutComponentsOrCapabilities_isUnderstood() {
        server.then(Reply.json(200, """
                {"status": "healthy", "service": "axonflow-agent", "timestamp": "2026-02-07T10:00:00Z",
                 "version": "1.0.0"}"""));

        HealthResponse health = client.health();

        assertThat(health.service()).isEqualTo("axonflow-agent");
        assertThat(health.components()).isEmpty();
        assertThat(health.capabilities()).isEmpty();
    }

    @Test
    void workflowList_sdkShapeWithUnknownEnumValues_isTolerated() {
        server.then(Reply.json(200, """
                {"workflows": [{"workflow_id": "wf_1", "workflow_name": "n", "source": "autogen",
                  "status": "in_progress", "current_step_index": 0, "started_at": "2026-02-07T10:00:00Z"}],
                 "total": 1}"""));

        ListWorkflowsResponse list = client.listWorkflows(ListWorkflowsOptions.builder()
                .status(dev.arbiter.wire.workflow.WorkflowStatus.IN_PROGRESS)
                .source(dev.arbiter.wire.workflow.WorkflowSource.LANGGRAPH)
                .traceId("t 1")
                .limit(10)
                .offset(20)
                .build());

        assertThat(list.workflows()).singleElement().satisfies(w -> {
            WorkflowStatusResponse workflow = w;
            assertThat(workflow.source()).isNull();
            assertThat(workflow.workflowId()).isEqualTo("wf_1");
        });
        assertThat(list.hasMore()).isFalse();
        assertThat(server.received().get(0).query())
                .isEqualTo("status=in_progress&source=langgraph&trace_id=t%201&limit=10&offset=20");
    }

    @Test
    void webhookList_goNilSlicesAndNoTotalOrHasSecret_areCompleted() {
        server.then(Reply.json(200, """
                        {"webhooks": [{"id": "wh_1", "url": "https://ops.example.com", "events": null, "active": true,
                          "created_at": "2026-02-07T10:00:00Z", "updated_at": "2026-02-07T10:00:00Z"}]}"""), Reply.json(200, "{\"webhooks\": null, \"total\": 0}"));

        ListWebhooksResponse page = client.webhooks().list(10, 20);
        ListWebhooksResponse empty = client.webhooks().list();

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.webhooks()).singleElement().satisfies(w -> {
            assertThat(w.events()).isEmpty();
            assertThat(w.hasSecret()).isFalse();
        });
        assertThat(empty.webhooks()).isEmpty();
        assertThat(server.received().get(0).path()).isEqualTo("/api/v1/webhooks");
        assertThat(server.received().get(0).query()).isEqualTo("limit=10&offset=20");
        assertThat(server.received().get(1).query()).isNull();
    }

    @Test
    void checkpoints_goNilSlice_isEmpty_andAResumeNamesItsCheckpointWithoutABody() {
        server.then(Reply.json(200, "{\"workflow_id\": \"wf_1\", \"checkpoints\": null}"), Reply.json(200, """
                        {"workflow_id": "wf_1", "resumed_from_checkpoint": "deploy", "resumed_from_index": 2,
                         "new_decision": "allow", "decision_source": "fresh", "resume_count": 1,
                         "message": "Workflow resumed from checkpoint at step deploy (index 2)"}"""));

        assertThat(client.getCheckpoints("wf_1").checkpoints()).isEmpty();
        assertThat(client.resumeFromCheckpoint("wf_1", 41).newDecision()).isEqualTo(GateDecision.ALLOW);

        Received resume = server.received().get(1);
        assertThat(resume.method()).isEqualTo("POST");
        assertThat(resume.path()).isEqualTo("/api/v1/workflows/wf_1/checkpoints/41/resume");
        assertThat(resume.body()).isEmpty();
    }

    @Test
    void redirect_isAnErrorNotASilentSuccess() {
        server.then(new Reply(301, "", Map.of("Location", "https://arbiter.example.com/health"), false));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.health())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(301);
                    assertThat(e.code()).isEqualTo("HTTP_301");
                });
    }

    @Test
    void bearerToken_isSentInsteadOfBasic() {
        server.then(Reply.json(200, "{\"workflows\": [], \"total\": 0}"));
        try (ArbiterClient bearer = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .bearerToken("eyJhbGciOiJIUzI1NiJ9.e30.x")
                .build())) {
            bearer.listWorkflows();
        }

        assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x");
        assertThat(server.received().get(0).header("X-Client-ID")).isNull();
    }
}
