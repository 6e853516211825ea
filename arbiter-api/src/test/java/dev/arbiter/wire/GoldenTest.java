package dev.arbiter.wire;

import dev.arbiter.wire.audit.AuditEntry;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.audit.AuditSearchResponse;
import dev.arbiter.wire.audit.AuditVerifyResponse;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.Checkpoint;
import dev.arbiter.wire.workflow.CheckpointsResponse;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.ListWorkflowsResponse;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.PendingApproval;
import dev.arbiter.wire.workflow.PendingApprovalsResponse;
import dev.arbiter.wire.workflow.PolicyMatch;
import dev.arbiter.wire.workflow.PriorCompletionStatus;
import dev.arbiter.wire.workflow.ResumeFromCheckpointResponse;
import dev.arbiter.wire.workflow.RetryContext;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepInfo;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.ToolContext;
import dev.arbiter.wire.workflow.WorkflowActionResponse;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Main wire shapes against hand-written golden files taken from the contract's examples. */
class GoldenTest {
    private static final Instant T0 = Instant.parse("2026-02-07T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-07T10:00:01Z");

    @Test
    void createWorkflowRequest_matchesGoldens() throws IOException {
        Golden.check("seed_quick_start", CreateWorkflowRequest.of("code-review-pipeline", WorkflowSource.LANGGRAPH));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("environment", "production");
        metadata.put("team", "engineering");
        metadata.put("retries", 3);
        metadata.put("note", null);
        Golden.check(
                "python_sdk",
                new CreateWorkflowRequest(
                        "research-agent", WorkflowSource.EXTERNAL, metadata, "langsmith-run-abc123", 3));
    }

    @Test
    void createWorkflowResponse_matchesGolden() throws IOException {
        Golden.check(
                "with_trace_id",
                new CreateWorkflowResponse(
                        "wf_3f9a0c12",
                        "code-review",
                        WorkflowSource.LANGGRAPH,
                        WorkflowStatus.IN_PROGRESS,
                        T0,
                        "ls-run-1"));
    }

    @Test
    void stepGateRequest_matchesGoldens() throws IOException {
        Golden.check(
                "seed_quick_start",
                new StepGateRequest(
                        "Generate Code",
                        StepType.LLM_CALL,
                        null,
                        "gpt-4",
                        "openai",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        Golden.check(
                "tool_context",
                new StepGateRequest(
                        "tools/sql_query",
                        StepType.TOOL_CALL,
                        Map.of("prompt", "list users"),
                        "gpt-4",
                        "openai",
                        120,
                        40,
                        0.0021,
                        new ToolContext("sql_query", "mcp", Map.of("query", "SELECT * FROM users LIMIT 10")),
                        RetryPolicy.REEVALUATE,
                        "run-7:step-3"));
    }

    @Test
    void stepGateResponse_matchesGoldens() throws IOException {
        Golden.check(
                "allow_fresh",
                new StepGateResponse(
                        GateDecision.ALLOW,
                        "step-1-analyze",
                        "dec_wf_3f9a0c12_step-1-analyze",
                        null,
                        "No matching policies",
                        null,
                        null,
                        null,
                        null,
                        false,
                        DecisionSource.FRESH,
                        firstAttempt(GateDecision.ALLOW)));
        PolicyMatch gpt4 = new PolicyMatch(
                "policy_gpt4_block",
                "block-gpt4-in-workflows",
                "block",
                "GPT-4 not allowed in production",
                "high",
                null,
                null,
                null);
        Golden.check(
                "block_cached",
                new StepGateResponse(
                        GateDecision.BLOCK,
                        "step-1",
                        "dec_wf_abc123_step-1",
                        List.of("policy_gpt4_block"),
                        "GPT-4 not allowed in production",
                        null,
                        null,
                        List.of(gpt4),
                        List.of(gpt4),
                        true,
                        DecisionSource.CACHED,
                        new RetryContext(
                                2,
                                1,
                                PriorCompletionStatus.COMPLETED,
                                true,
                                Map.of("summary", "done"),
                                Instant.parse("2026-02-07T10:00:05.250Z"),
                                T1,
                                Instant.parse("2026-02-07T10:00:09Z"),
                                GateDecision.BLOCK,
                                "k-1")));
        PolicyMatch deploy = deployMatch();
        Golden.check(
                "require_approval",
                new StepGateResponse(
                        GateDecision.REQUIRE_APPROVAL,
                        "deploy",
                        "dec_wf_abc123_deploy",
                        List.of("pol_deploy"),
                        "Deployment steps require human approval",
                        "6f1c2a52-9d0e-5f43-8a43-6a1c2e3d4b5f",
                        null,
                        List.of(deploy),
                        List.of(deploy),
                        false,
                        DecisionSource.FRESH,
                        firstAttempt(GateDecision.REQUIRE_APPROVAL)));
    }

    @Test
    void workflowStatusResponse_matchesGoldens() throws IOException {
        Golden.check(
                "completed",
                new WorkflowStatusResponse(
                        "wf_3f9a0c12",
                        "code-review",
                        WorkflowSource.LANGGRAPH,
                        WorkflowStatus.COMPLETED,
                        1,
                        1,
                        T0,
                        Instant.parse("2026-02-07T10:05:00Z"),
                        "ls-run-1",
                        List.of(new StepInfo(
                                "step-1-analyze",
                                1,
                                "analyze",
                                StepType.LLM_CALL,
                                GateDecision.ALLOW,
                                null,
                                null,
                                null,
                                T1))));
        Golden.check("new", fresh());
    }

    @Test
    void listWorkflowsResponse_matchesGolden() throws IOException {
        Golden.check("one_page", new ListWorkflowsResponse(List.of(fresh()), 3, 1, 1, true));
    }

    @Test
    void markStepCompletedRequest_matchesGolden() throws IOException {
        Golden.check(
                "full",
                new MarkStepCompletedRequest(
                        Map.of("summary", "..."), 120, 340, 0.0021, "k-1", Map.of("ignored", true)));
    }

    @Test
    void workflowActionResponse_matchesGoldens() throws IOException {
        Golden.check(
                "aborted",
                new WorkflowActionResponse("wf_abc123", WorkflowStatus.ABORTED, "Workflow aborted", "Aborted by user"));
        Golden.check(
                "completed",
                new WorkflowActionResponse(
                        "wf_3f9a0c12", WorkflowStatus.COMPLETED, "Workflow completed successfully", null));
    }

    @Test
    void stepApprovalResponse_matchesGolden() throws IOException {
        Golden.check(
                "approved",
                new StepApprovalResponse(
                        "wf_abc123",
                        null,
                        "deploy",
                        ApprovalStatus.APPROVED,
                        GateDecision.ALLOW,
                        "Approved: Deployment steps require human approval",
                        ApprovalStatus.APPROVED,
                        "6f1c2a52-9d0e-5f43-8a43-6a1c2e3d4b5f",
                        "alice@example.com",
                        Instant.parse("2026-02-07T10:01:00Z"),
                        null,
                        null,
                        List.of(deployMatch()),
                        firstAttempt(GateDecision.REQUIRE_APPROVAL),
                        "Step approved"));
    }

    @Test
    void pendingApprovalsResponse_matchesGolden() throws IOException {
        Golden.check(
                "one",
                new PendingApprovalsResponse(
                        List.of(new PendingApproval(
                                "wf_abc123",
                                "release",
                                null,
                                "deploy",
                                2,
                                "deploy",
                                StepType.CONNECTOR_CALL,
                                GateDecision.REQUIRE_APPROVAL,
                                "Deployment steps require human approval",
                                List.of(deployMatch()),
                                Map.of("target", "prod"),
                                ApprovalStatus.PENDING,
                                T1)),
                        1));
    }

    @Test
    void errorEnvelopes_matchGoldens() throws IOException {
        Golden.check(
                "terminal",
                new ErrorResponse(
                        "workflow_terminal", "WORKFLOW_TERMINAL", "workflow is in terminal state: completed"));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workflow_id", "wf_abc123");
        details.put("step_id", "step-1");
        details.put("expected_idempotency_key", "k-1");
        details.put("received_idempotency_key", "");
        Golden.check(
                "idempotency_mismatch",
                new StructuredErrorResponse(new StructuredErrorResponse.Body(
                        "IDEMPOTENCY_KEY_MISMATCH",
                        "idempotency_key does not match the key recorded for this step",
                        details)));
    }

    @Test
    void healthResponse_matchesGolden() throws IOException {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("database", "connected");
        components.put("policy_engine", "ready");
        Golden.check(
                "healthy",
                new HealthResponse(
                        "healthy",
                        "arbiter",
                        T0,
                        "0.1.0",
                        components,
                        List.of("workflow_control_plane", "step_approvals", "audit_search", "audit_verify")));
    }

    @Test
    void auditShapes_matchGoldens() throws IOException {
        Golden.check(
                "python_sdk",
                new AuditSearchRequest(
                        null,
                        null,
                        Instant.parse("2026-02-07T09:00:00Z"),
                        null,
                        "workflow_step_gate",
                        "wf_abc123",
                        100,
                        null));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("workflow_id", "wf_abc123");
        metadata.put("step_id", "step-1");
        metadata.put("decision", "block");
        metadata.put("policies_matched", 1);
        AuditEntry entry = new AuditEntry(
                "aud_01",
                "wf_abc123",
                T1,
                null,
                "community",
                "community",
                null,
                "workflow_step_gate",
                "Workflow: release, Operation: step_gate",
                false,
                true,
                null,
                "openai",
                "gpt-4",
                null,
                null,
                List.of("block-gpt4-in-workflows"),
                metadata,
                "blocked");
        Golden.check("one_gate", new AuditSearchResponse(List.of(entry), 1, 100, 0));
        Golden.check(
                "broken",
                new AuditVerifyResponse(
                        "community", false, 12, "aud_07", 7L, "hash does not match the record's content"));
    }

    @Test
    void resumeFromCheckpointResponse_matchesGolden() throws IOException {
        Golden.check(
                "require_approval",
                new ResumeFromCheckpointResponse(
                        "wf_abc123",
                        "deploy",
                        2,
                        GateDecision.REQUIRE_APPROVAL,
                        DecisionSource.FRESH,
                        1,
                        "Workflow resumed from checkpoint at step deploy (index 2)"));
    }

    @Test
    void checkpointsResponse_matchesGolden() throws IOException {
        Golden.check(
                "two",
                new CheckpointsResponse(
                        "wf_abc123",
                        List.of(
                                new Checkpoint(
                                        41,
                                        "wf_abc123",
                                        "plan",
                                        1,
                                        "llm_call",
                                        "step_gate",
                                        GateDecision.ALLOW,
                                        "No matching policies",
                                        true,
                                        0,
                                        T1),
                                new Checkpoint(
                                        44,
                                        "wf_abc123",
                                        "deploy",
                                        2,
                                        "connector_call",
                                        "approval_boundary",
                                        GateDecision.REQUIRE_APPROVAL,
                                        "Deployment steps require human approval",
                                        true,
                                        0,
                                        Instant.parse("2026-02-07T10:00:05Z")))));
    }

    private static PolicyMatch deployMatch() {
        return PolicyMatch.of(
                "pol_deploy",
                "require-approval-for-deploy",
                "require_approval",
                "Deployment steps require human approval");
    }

    private static RetryContext firstAttempt(GateDecision decision) {
        return new RetryContext(0 + 1, 0, PriorCompletionStatus.NONE, false, null, null, T1, T1, decision, "");
    }

    private static WorkflowStatusResponse fresh() {
        return new WorkflowStatusResponse(
                "wf_3f9a0c12",
                "code-review",
                WorkflowSource.EXTERNAL,
                WorkflowStatus.IN_PROGRESS,
                0,
                null,
                T0,
                null,
                null,
                null);
    }
}
