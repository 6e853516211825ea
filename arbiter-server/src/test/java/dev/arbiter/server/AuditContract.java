package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The durable audit trail (seed 001 "Operations Logged", contract §5): writes, search, verify. */
abstract class AuditContract extends ServerContract {

    @Test
    void everyOperation_writesOneRecord_withWorkflowIdAsRequestId() {
        String id = api.createWorkflow("audited");
        api.gate(
                        id,
                        "s1",
                        Map.of(
                                "step_type",
                                "llm_call",
                                "model",
                                "gpt-4o",
                                "provider",
                                "openai",
                                "tokens_in",
                                10,
                                "tokens_out",
                                5))
                .expect(200);
        api.gate(
                        id,
                        "s1",
                        Map.of(
                                "step_type",
                                "llm_call",
                                "model",
                                "gpt-4o",
                                "provider",
                                "openai",
                                "tokens_in",
                                10,
                                "tokens_out",
                                5))
                .expect(200);
        api.post("/api/v1/workflows/" + id + "/steps/s1/complete", Map.of("output", Map.of("ok", true)));
        api.post("/api/v1/workflows/" + id + "/resume").expect(200);
        api.post("/api/v1/workflows/" + id + "/complete").expect(200);
        api.get("/api/v1/workflows/" + id).expect(200);

        List<String> types = types(id);
        assertThat(types)
                .containsExactly(
                        "workflow_completed",
                        "workflow_step_completed",
                        "workflow_step_gate",
                        "workflow_step_gate",
                        "workflow_created");

        String aborted = api.createWorkflow("audited-abort");
        api.post("/api/v1/workflows/" + aborted + "/abort", Map.of("reason", "user cancelled"))
                .expect(200);
        assertThat(types(aborted)).containsExactly("workflow_aborted", "workflow_created");
        String failed = api.createWorkflow("audited-fail");
        api.post("/api/v1/workflows/" + failed + "/fail").expect(200);
        assertThat(types(failed)).containsExactly("workflow_failed", "workflow_created");
    }

    @Test
    void gateRecord_carriesDecisionPoliciesAndFacts() {
        String id = api.createWorkflow("gate-record");
        api.gate(
                        id,
                        "s1",
                        Map.of(
                                "step_name",
                                "analyze",
                                "step_type",
                                "llm_call",
                                "model",
                                "gpt-4o",
                                "provider",
                                "openai",
                                "tokens_in",
                                100,
                                "tokens_out",
                                20))
                .expect(200);
        JsonNode entry = search(Map.of("request_id", id, "request_type", "workflow_step_gate"))
                .path("entries")
                .get(0);
        assertThat(entry.path("request_id").asText()).isEqualTo(id);
        assertThat(entry.path("tenant_id").asText()).isEqualTo("community");
        assertThat(entry.path("policy_decision").asText()).isEqualTo("allowed");
        assertThat(entry.path("success").asBoolean()).isTrue();
        assertThat(entry.path("blocked").asBoolean()).isFalse();
        assertThat(entry.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(entry.path("tokens_used").asLong()).isEqualTo(120);
        assertThat(entry.path("query_summary").asText()).isEqualTo("Workflow: gate-record, Operation: step_gate");
        JsonNode details = entry.path("metadata");
        assertThat(details.path("step_id").asText()).isEqualTo("s1");
        assertThat(details.path("decision").asText()).isEqualTo("allow");
        assertThat(details.path("decision_source").asText()).isEqualTo("fresh");
        assertThat(details.path("policies_evaluated").isInt()).isTrue();
        assertThat(details.path("policies_matched").asInt()).isZero();
    }

    @Test
    void search_filtersByTimeTypeAndPaging() {
        Instant before = Instant.now().minusSeconds(1);
        String id = api.createWorkflow("search");
        for (int i = 0; i < 3; i++) {
            api.gate(id, "s" + i, Map.of("step_type", "llm_call")).expect(200);
        }
        JsonNode page = search(Map.of("request_id", id, "limit", 2));
        assertThat(page.path("total").asInt()).isEqualTo(4);
        assertThat(page.path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("entries").size()).isEqualTo(2);
        assertThat(search(Map.of("request_id", id, "limit", 2, "offset", 2))
                        .path("entries")
                        .size())
                .isEqualTo(2);
        assertThat(search(Map.of("request_id", id, "request_type", "workflow_created"))
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(search(Map.of("request_id", id, "start_time", before.toString()))
                        .path("total")
                        .asInt())
                .isEqualTo(4);
        assertThat(search(Map.of("request_id", id, "end_time", before.toString()))
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(search(Map.of("request_id", id, "client_id", "COMMUN"))
                        .path("total")
                        .asInt())
                .isEqualTo(4);
        JsonNode older =
                api.get("/api/v1/audit/tenant/community?limit=5").expect(200).json();
        assertThat(older.path("entries").size()).isEqualTo(5);
        api.get("/api/v1/audit/tenant/someone-else").expect(404);
    }

    @Test
    void search_badInput_isGenericEnvelope400() {
        Reply reply = api.post("/api/v1/audit/search", Map.of("start_time", "yesterday"))
                .expect(400);
        assertThat(reply.json().path("success").asBoolean(true)).isFalse();
        assertThat(reply.text("error")).contains("start_time");
        api.post("/api/v1/audit/search", Map.of("limit", 0)).expect(400);
        api.post("/api/v1/audit/search", "{not json").expect(400).assertNoInternals();
    }

    @Test
    void verify_intactChain_isValid_thenReportsFirstAlteredRecord() throws Exception {
        String id = api.createWorkflow("tamper");
        api.gate(id, "s1", Map.of("step_type", "llm_call")).expect(200);
        Reply intact = api.get("/api/v1/audit/verify").expect(200);
        assertThat(intact.json().path("valid").asBoolean()).isTrue();
        assertThat(intact.json().path("records_checked").asLong()).isPositive();

        String gateId = search(Map.of("request_id", id, "request_type", "workflow_step_gate"))
                .path("entries")
                .get(0)
                .path("id")
                .asText();
        try {
            execute("UPDATE audit_logs SET policy_decision = 'blocked' WHERE id = '" + gateId + "'");
            Reply broken = api.get("/api/v1/audit/verify").expect(200);
            assertThat(broken.json().path("valid").asBoolean()).isFalse();
            assertThat(broken.json().path("first_broken_id").asText()).isEqualTo(gateId);
            assertThat(broken.json().path("problem").asText()).isNotBlank();
        } finally {
            execute("UPDATE audit_logs SET policy_decision = 'allowed' WHERE id = '" + gateId + "'");
        }
        assertThat(api.get("/api/v1/audit/verify").json().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void failedAuditWrite_isAnError_andNothingIsKept() throws Exception {
        String id = api.createWorkflow("audit-down");
        execute("ALTER TABLE audit_logs RENAME TO audit_logs_away");
        try {
            Reply gate = api.gate(id, "s1", Map.of("step_type", "llm_call")).expectError(500, "INTERNAL_ERROR");
            assertThat(gate.text("message")).startsWith("Internal server error (error id err_");
            assertThat(gate.body()).doesNotContain("audit_logs").doesNotContain("SQL");
            api.post("/api/v1/workflows/" + id + "/abort").expectError(500, "INTERNAL_ERROR");
        } finally {
            execute("ALTER TABLE audit_logs_away RENAME TO audit_logs");
        }
        Reply status = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(status.text("status")).isEqualTo("in_progress");
        assertThat(status.json().has("steps"))
                .as("the step rolled back with its audit record")
                .isFalse();
        assertThat(types(id)).containsExactly("workflow_created");
    }

    private JsonNode search(Map<String, Object> body) {
        return api.post("/api/v1/audit/search", body).expect(200).json();
    }

    private List<String> types(String workflowId) {
        List<String> types = new ArrayList<>();
        search(Map.of("request_id", workflowId))
                .path("entries")
                .forEach(e -> types.add(e.path("request_type").asText()));
        return types;
    }
}
