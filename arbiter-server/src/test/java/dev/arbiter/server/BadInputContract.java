package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind the issue lists: the contract's envelope and status, nothing persisted,
 * no stack trace in any response.
 */
abstract class BadInputContract extends ServerContract {

    @Test
    void malformedJson_is400() {
        int before = total();
        Reply reply = api.post("/api/v1/workflows", "{\"workflow_name\": ").expectError(400, "BAD_REQUEST");
        assertThat(reply.text("error")).isEqualTo("bad_request");
        assertThat(reply.text("message")).startsWith("Invalid request body");
        api.post("/api/v1/workflows", "[1, 2]").expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows", "\"text\"").expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows", "null").expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows", "{\"workflow_name\": \"a\"} trailing").expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows", "").expectError(400, "BAD_REQUEST");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void wrongTypes_nameTheField() {
        assertThat(api.post("/api/v1/workflows", Map.of("workflow_name", 42))
                        .expectError(400, "BAD_REQUEST")
                        .text("message"))
                .contains("workflow_name")
                .contains("a string");
        assertThat(api.post("/api/v1/workflows", Map.of("workflow_name", "w", "metadata", "x"))
                        .expectError(400, "BAD_REQUEST")
                        .text("message"))
                .contains("metadata");
        String id = api.createWorkflow("types");
        assertThat(api.gate(id, "s", Map.of("step_type", "llm_call", "tokens_in", "12"))
                        .expectError(400, "BAD_REQUEST")
                        .text("message"))
                .contains("tokens_in")
                .contains("an integer");
        api.gate(id, "s", Map.of("step_type", "llm_call", "tokens_in", 1.5)).expectError(400, "BAD_REQUEST");
        api.gate(id, "s", Map.of("step_type", "llm_call", "step_input", "text")).expectError(400, "BAD_REQUEST");
        api.gate(id, "s", Map.of("step_type", "llm_call", "cost_usd", true)).expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows/" + id + "/steps/s/complete", Map.of("output", 5))
                .expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows/" + id + "/abort", Map.of("reason", Map.of()))
                .expectError(400, "BAD_REQUEST");
        assertThat(api.get("/api/v1/workflows/" + id).text("status")).isEqualTo("in_progress");
        assertThat(api.get("/api/v1/workflows/" + id).json().has("steps")).isFalse();
    }

    @Test
    void unknownEnumValues_listTheAllowedOnes() {
        assertThat(api.post("/api/v1/workflows", Map.of("workflow_name", "w", "source", "airflow"))
                        .expectError(400, "BAD_REQUEST")
                        .text("message"))
                .isEqualTo("Invalid request body: source must be one of langgraph, langchain, crewai, external, "
                        + "got 'airflow'");
        api.get("/api/v1/workflows?status=paused").expectError(400, "BAD_REQUEST");
        api.get("/api/v1/workflows?source=airflow").expectError(400, "BAD_REQUEST");
    }

    @Test
    void missingRequiredFields_useContractMessages() {
        assertThat(api.post("/api/v1/workflows", "{}")
                        .expectError(400, "BAD_REQUEST")
                        .text("message"))
                .isEqualTo("workflow_name is required");
        assertThat(api.post("/api/v1/workflows", Map.of("workflow_name", "   "))
                        .expectError(400, "BAD_REQUEST")
                        .text("message"))
                .isEqualTo("workflow_name is required");
    }

    @Test
    void bodyOverOneMebibyte_is413() {
        int before = total();
        String big = "{\"workflow_name\": \"big\", \"metadata\": {\"blob\": \"" + "x".repeat(1024 * 1024) + "\"}}";
        Reply reply = api.post("/api/v1/workflows", big).expectError(413, "PAYLOAD_TOO_LARGE");
        assertThat(reply.text("message")).contains("1 MiB");
        String justUnder =
                "{\"workflow_name\": \"fits\", \"metadata\": {\"blob\": \"" + "x".repeat(1000 * 1000) + "\"}}";
        api.post("/api/v1/workflows", justUnder).expect(201);
        assertThat(total()).isEqualTo(before + 1);
    }

    @Test
    void deeplyNestedJson_is400() {
        String id = api.createWorkflow("deep");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Reply reply = api.post(
                        "/api/v1/workflows/" + id + "/steps/s/gate",
                        "{\"step_type\": \"llm_call\", \"step_input\": {\"x\": " + deep + "}}")
                .expectError(400, "BAD_REQUEST");
        assertThat(reply.text("message")).contains("nesting");
        assertThat(api.get("/api/v1/workflows/" + id).json().has("steps")).isFalse();
    }

    @Test
    void unknownRoutesAndMethods_are404Json() {
        Reply unknown = api.get("/api/v1/nothing-here").expectError(404, "NOT_FOUND");
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        api.get("/favicon.ico").expectError(404, "NOT_FOUND");
        api.send("DELETE", "/api/v1/workflows", null).expect(404).assertNoInternals();
        api.post("/api/v1/workflows/x/steps/y/z").expectError(404, "NOT_FOUND");
    }

    @Test
    void illegalTransitions_are409AndChangeNothing() {
        String id = api.createWorkflow("illegal");
        api.post("/api/v1/workflows/" + id + "/complete").expect(200);
        api.post("/api/v1/workflows/" + id + "/abort").expectError(409, "WORKFLOW_TERMINAL");
        api.post("/api/v1/workflows/" + id + "/complete").expectError(409, "WORKFLOW_TERMINAL");
        Reply status = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(status.text("status")).isEqualTo("completed");
    }

    private int total() {
        return api.get("/api/v1/workflows?limit=1")
                .expect(200)
                .json()
                .path("total")
                .asInt();
    }
}
