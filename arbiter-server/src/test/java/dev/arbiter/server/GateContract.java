package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gate semantics of contract §1.6: cached re-gates, reevaluate, idempotency keys, changed inputs. */
abstract class GateContract extends ServerContract {

    @Test
    void regate_sameInput_isCachedWithoutNewIndex() {
        String id = api.createWorkflow("cache");
        Map<String, Object> body = Map.of("step_type", "tool_call", "step_input", Map.of("q", "x", "n", 1));
        Reply first = api.gate(id, "s1", body).expect(200);
        Reply second = api.gate(id, "s1", Map.of("step_type", "tool_call", "step_input", Map.of("n", 1, "q", "x")))
                .expect(200);
        assertThat(second.json().path("cached").asBoolean()).isTrue();
        assertThat(second.text("decision_source")).isEqualTo("cached");
        assertThat(second.text("decision")).isEqualTo(first.text("decision"));
        JsonNode retry = second.json().path("retry_context");
        assertThat(retry.path("gate_count").asInt()).isEqualTo(2);
        assertThat(retry.path("prior_completion_status").asText()).isEqualTo("gated_not_completed");
        assertThat(retry.path("prior_output_available").asBoolean()).isFalse();
        assertThat(retry.path("first_attempt_at").asText())
                .isEqualTo(first.json()
                        .path("retry_context")
                        .path("first_attempt_at")
                        .asText());
        assertThat(api.get("/api/v1/workflows/" + id)
                        .json()
                        .path("current_step_index")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void regate_changedInput_isFreshDecision() {
        String id = api.createWorkflow("changed-input");
        api.gate(id, "s1", Map.of("step_type", "tool_call", "step_input", Map.of("q", "a")))
                .expect(200);
        Reply changed = api.gate(id, "s1", Map.of("step_type", "tool_call", "step_input", Map.of("q", "b")))
                .expect(200);
        assertThat(changed.json().path("cached").asBoolean()).isFalse();
        assertThat(changed.text("decision_source")).isEqualTo("fresh");
        assertThat(changed.json().path("retry_context").path("gate_count").asInt())
                .isEqualTo(2);
        Reply tool = api.gate(
                        id,
                        "s1",
                        Map.of(
                                "step_type",
                                "tool_call",
                                "step_input",
                                Map.of("q", "b"),
                                "tool_context",
                                Map.of("tool_name", "web_search")))
                .expect(200);
        assertThat(tool.text("decision_source"))
                .as("a new tool call is new input")
                .isEqualTo("fresh");
    }

    @Test
    void regate_reevaluate_isFreshEveryTime() {
        String id = api.createWorkflow("reevaluate");
        api.gate(id, "s1", Map.of("step_type", "llm_call")).expect(200);
        Reply again = api.gate(id, "s1", Map.of("step_type", "llm_call", "retry_policy", "reevaluate"))
                .expect(200);
        assertThat(again.json().path("cached").asBoolean()).isFalse();
        assertThat(again.json().path("retry_context").path("gate_count").asInt())
                .isEqualTo(2);
        assertThat(again.json().path("retry_context").path("last_decision").asText())
                .isEqualTo("allow");
    }

    @Test
    void regate_changedIdempotencyKey_is409Structured() {
        String id = api.createWorkflow("idempotency");
        api.gate(id, "s1", Map.of("step_type", "llm_call", "idempotency_key", "k-1"))
                .expect(200);
        Reply same = api.gate(id, "s1", Map.of("step_type", "llm_call", "idempotency_key", "k-1"))
                .expect(200);
        assertThat(same.json().path("retry_context").path("idempotency_key").asText())
                .isEqualTo("k-1");

        Reply mismatch = api.gate(id, "s1", Map.of("step_type", "llm_call", "idempotency_key", "k-2"))
                .expect(409);
        JsonNode error = mismatch.json().path("error");
        assertThat(error.path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("details").path("workflow_id").asText()).isEqualTo(id);
        assertThat(error.path("details").path("step_id").asText()).isEqualTo("s1");
        assertThat(error.path("details").path("expected_idempotency_key").asText())
                .isEqualTo("k-1");
        assertThat(error.path("details").path("received_idempotency_key").asText())
                .isEqualTo("k-2");

        Reply absent = api.gate(id, "s1", Map.of("step_type", "llm_call")).expect(409);
        assertThat(absent.json()
                        .path("error")
                        .path("details")
                        .path("received_idempotency_key")
                        .asText("x"))
                .isEmpty();

        Reply complete = api.post("/api/v1/workflows/" + id + "/steps/s1/complete", Map.of("idempotency_key", "k-9"))
                .expect(409);
        assertThat(complete.json().path("error").path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_MISMATCH");
        assertThat(api.post("/api/v1/workflows/" + id + "/steps/s1/complete", Map.of("idempotency_key", "k-1"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void gate_validation_errorsUseContractCodes() {
        String id = api.createWorkflow("validation");
        api.gate(id, "s1", Map.of("step_name", "no type")).expectError(400, "BAD_REQUEST");
        assertThat(api.gate(id, "s1", Map.of("step_name", "x")).text("message")).isEqualTo("step_type is required");
        Reply tool = api.gate(id, "s1", Map.of("step_type", "tool_call", "tool_context", Map.of("tool_type", "mcp")))
                .expectError(400, "INVALID_TOOL_CONTEXT");
        assertThat(tool.text("error")).isEqualTo("validation_error");
        assertThat(tool.text("message")).isEqualTo("tool_name is required when tool_context is provided");
        api.gate(id, "s1", Map.of("step_type", "llm_call", "retry_policy", "sometimes"))
                .expectError(400, "BAD_REQUEST");
        api.gate(id, "s1", Map.of("step_type", "llm_call", "idempotency_key", "k".repeat(256)))
                .expectError(400, "BAD_REQUEST");
        api.gate(id, "s1", Map.of("step_type", "teleport")).expectError(400, "BAD_REQUEST");
        api.gate(id, "s".repeat(256), Map.of("step_type", "llm_call")).expectError(400, "BAD_REQUEST");
        api.gate(id, "s1", Map.of("step_type", "llm_call", "tokens_in", -1)).expectError(400, "BAD_REQUEST");
        assertThat(api.get("/api/v1/workflows/" + id).json().has("steps"))
                .as("nothing stored")
                .isFalse();
    }

    @Test
    void create_traceIdTooLong_isValidationError() {
        Reply reply = api.post("/api/v1/workflows", Map.of("workflow_name", "t", "trace_id", "é".repeat(256)))
                .expectError(400, "INVALID_TRACE_ID");
        assertThat(reply.text("error")).isEqualTo("validation_error");
        api.post("/api/v1/workflows", Map.of("workflow_name", "t", "trace_id", "é".repeat(255)))
                .expect(201);
    }

    @Test
    void gate_toolContextAndTokens_areAccepted() {
        String id = api.createWorkflow("tools");
        Reply reply = api.post("/api/v1/workflows/" + id + "/steps/step-tools-web_search/gate", """
                {"step_name": "tools/web_search", "step_type": "tool_call",
                 "tool_context": {"tool_name": "web_search", "tool_type": "function",
                                  "tool_input": {"query": "latest news"}},
                 "tokens_in": 100, "tokens_out": 20, "cost_usd": 0.01}""")
                .expect(200);
        assertThat(reply.text("decision")).isEqualTo("allow");
        JsonNode step = api.get("/api/v1/workflows/" + id).json().path("steps").path(0);
        assertThat(step.path("step_name").asText()).isEqualTo("tools/web_search");
        assertThat(step.path("step_type").asText()).isEqualTo("tool_call");
        assertThat(step.has("decision_reason"))
                .as("not on the wire (contract §1.5)")
                .isFalse();
    }
}
