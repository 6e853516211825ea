package dev.arbiter.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Builders of plausible records for store tests. */
final class Fixtures {
    private Fixtures() {}

    static String tenant() {
        return "t_" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String workflowId() {
        return "wf_" + UUID.randomUUID().toString().replace("-", "");
    }

    static WorkflowRecord workflow(String tenant, String id, Instant now) {
        return WorkflowRecord.start(
                tenant, id, "code-review", "langgraph", "ls-run-1", "{\"team\":\"a\"}", "cli_x", now);
    }

    static StepRecord step(String tenant, String workflowId, String stepId, int index, Instant now) {
        return new StepRecord(
                tenant,
                workflowId,
                stepId,
                index,
                "analyze",
                "tool_call",
                new StepRequest(
                        "{\"prompt\":\"hello\"}",
                        "sha256:abc",
                        "gpt-4",
                        "openai",
                        "http_post",
                        "function",
                        "{\"tool_name\":\"http_post\",\"tool_input\":{\"url\":\"x\"}}",
                        "idem-1"),
                new GateResult(
                        StepDecision.ALLOW,
                        "dec_" + workflowId + "_" + stepId,
                        "No matching policies",
                        3,
                        "[]",
                        "[]",
                        now),
                new Usage(120L, 340L, new BigDecimal("0.0021")),
                Approval.NONE,
                Attempts.first(now, StepDecision.ALLOW),
                Completion.NONE);
    }

    static AuditEntry entry(String tenant, String requestId, String type) {
        return AuditEntry.builder(tenant, requestId, type, "allowed")
                .clientId("cli_abc")
                .userEmail("ops@example.com")
                .query("Workflow: code-review, Operation: " + type)
                .decisionId("dec_" + requestId)
                .policiesEvaluatedJson("[{\"policy_id\":\"p1\"}]")
                .policiesMatchedJson("[]")
                .detailsJson("{\"workflow_id\":\"" + requestId + "\"}")
                .provider("openai")
                .model("gpt-4")
                .tokensUsed(460L)
                .costUsd(new BigDecimal("0.0021"))
                .latencyMs(3L)
                .build();
    }
}
