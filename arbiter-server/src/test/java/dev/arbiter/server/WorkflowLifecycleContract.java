package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seed 001's Quick Start and every lifecycle route of contract §1.3–§1.10, with no policies loaded. */
abstract class WorkflowLifecycleContract extends ServerContract {

    @Test
    void quickStart_seedCurlSequence_works() {
        Reply created = api.post("/api/v1/workflows", """
                {"workflow_name": "code-review-pipeline", "source": "langgraph"}""").expect(201);
        String id = created.text("workflow_id");
        assertThat(id).startsWith("wf_").hasSizeGreaterThanOrEqualTo(3 + 26);
        assertThat(created.text("workflow_name")).isEqualTo("code-review-pipeline");
        assertThat(created.text("status")).isEqualTo("in_progress");
        assertThat(created.text("source")).isEqualTo("langgraph");
        assertThat(created.json().path("created_at").asText()).endsWith("Z");

        Reply gate =
                api.post("/api/v1/workflows/" + id + "/steps/step-1/gate", """
                {"step_name": "Generate Code", "step_type": "llm_call", "model": "gpt-4", "provider": "openai"}""").expect(200);
        assertThat(gate.text("decision")).isEqualTo("allow");
        assertThat(gate.text("step_id")).isEqualTo("step-1");
        assertThat(gate.text("decision_id")).isEqualTo("dec_" + id + "_step-1");
        assertThat(gate.text("reason")).isEqualTo("No policies configured");
        assertThat(gate.json().path("cached").asBoolean(true)).isFalse();
        assertThat(gate.text("decision_source")).isEqualTo("fresh");
        JsonNode retry = gate.json().path("retry_context");
        assertThat(retry.path("gate_count").asInt()).isEqualTo(1);
        assertThat(retry.path("prior_completion_status").asText()).isEqualTo("none");
        assertThat(retry.has("prior_output")).isTrue();
        assertThat(retry.path("prior_output").isNull()).isTrue();
        assertThat(retry.path("idempotency_key").asText("missing")).isEmpty();

        api.post("/api/v1/workflows/" + id + "/complete").expect(200).json();
        Reply status = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(status.text("status")).isEqualTo("completed");
        assertThat(status.json().path("total_steps").asInt()).isEqualTo(1);
        assertThat(status.json().path("completed_at").isTextual()).isTrue();
    }

    @Test
    void create_defaults_andTraceIdRoundTrip() {
        Reply created = api.post(
                        "/api/v1/workflows",
                        Map.of(
                                "workflow_name",
                                "research-agent",
                                "trace_id",
                                "langsmith-run-abc123",
                                "total_steps",
                                3,
                                "metadata",
                                Map.of("team", "engineering")))
                .expect(201);
        String id = created.text("workflow_id");
        assertThat(created.text("source")).isEqualTo("external");
        assertThat(created.text("trace_id")).isEqualTo("langsmith-run-abc123");
        Reply status = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(status.text("trace_id")).isEqualTo("langsmith-run-abc123");
        assertThat(status.json().path("current_step_index").asInt()).isZero();
        assertThat(status.json().has("total_steps"))
                .as("total_steps is not taken from create")
                .isFalse();
        assertThat(status.json().has("steps")).as("steps omitted while empty").isFalse();
        assertThat(status.json().has("completed_at")).isFalse();
    }

    @Test
    void create_ids_areLongAndDistinct() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(api.createWorkflow("ids-" + i));
        }
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("wf_[a-z2-7]{26}"));
    }

    @Test
    void list_filtersPagesAndOrdersNewestFirst() {
        String trace = "trace-list-" + System.nanoTime();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post(
                            "/api/v1/workflows",
                            Map.of("workflow_name", "list-" + i, "source", "crewai", "trace_id", trace))
                    .expect(201)
                    .text("workflow_id"));
        }
        api.post("/api/v1/workflows/" + ids.get(0) + "/abort").expect(200);

        Reply page = api.get("/api/v1/workflows?trace_id=" + trace + "&limit=2").expect(200);
        assertThat(page.json().path("total").asInt()).isEqualTo(3);
        assertThat(page.json().path("limit").asInt()).isEqualTo(2);
        assertThat(page.json().path("offset").asInt()).isZero();
        assertThat(page.json().path("has_more").asBoolean()).isTrue();
        assertThat(page.json().path("workflows").findValuesAsText("workflow_id"))
                .containsExactly(ids.get(2), ids.get(1));

        Reply second = api.get("/api/v1/workflows?trace_id=" + trace + "&limit=2&offset=2")
                .expect(200);
        assertThat(second.json().path("workflows").findValuesAsText("workflow_id"))
                .containsExactly(ids.get(0));
        assertThat(second.json().path("has_more").asBoolean()).isFalse();

        Reply aborted = api.get("/api/v1/workflows?trace_id=" + trace + "&status=aborted&source=crewai")
                .expect(200);
        assertThat(aborted.json().path("workflows").findValuesAsText("workflow_id"))
                .containsExactly(ids.get(0));
        Reply running = api.get("/api/v1/workflows?trace_id=" + trace + "&status=in_progress")
                .expect(200);
        assertThat(running.json().path("total").asInt()).isEqualTo(2);
        Reply otherSource = api.get("/api/v1/workflows?trace_id=" + trace + "&source=langchain")
                .expect(200);
        assertThat(otherSource.json().path("total").asInt()).isZero();
    }

    @Test
    void list_badPaging_fallsBackToDefaults_andLimitIsCapped() {
        assertThat(api.get("/api/v1/workflows?limit=abc&offset=-4")
                        .expect(200)
                        .json()
                        .path("limit")
                        .asInt())
                .isEqualTo(20);
        assertThat(api.get("/api/v1/workflows?limit=0")
                        .expect(200)
                        .json()
                        .path("limit")
                        .asInt())
                .isEqualTo(20);
        assertThat(api.get("/api/v1/workflows?limit=1000")
                        .expect(200)
                        .json()
                        .path("limit")
                        .asInt())
                .isEqualTo(100);
    }

    @Test
    void stepComplete_recordsUsageAnd204_thenCachedGateShowsPriorOutput() {
        String id = api.createWorkflow("temporal-activity");
        api.gate(
                        id,
                        "governed_llm_call",
                        Map.of(
                                "step_name",
                                "governed_llm_call",
                                "step_type",
                                "llm_call",
                                "model",
                                "gpt-4",
                                "provider",
                                "openai"))
                .expect(200);
        Reply done = api.post(
                "/api/v1/workflows/" + id + "/steps/governed_llm_call/complete",
                Map.of("output", Map.of("result", "ok"), "tokens_in", 150, "tokens_out", 45, "cost_usd", 0.0023));
        assertThat(done.status()).isEqualTo(204);
        assertThat(done.body()).isEmpty();

        Reply again = api.post(
                        "/api/v1/workflows/" + id + "/steps/governed_llm_call/gate?include_prior_output=true",
                        Map.of(
                                "step_name",
                                "governed_llm_call",
                                "step_type",
                                "llm_call",
                                "model",
                                "gpt-4",
                                "provider",
                                "openai"))
                .expect(200);
        assertThat(again.json().path("cached").asBoolean()).isTrue();
        assertThat(again.text("decision_source")).isEqualTo("cached");
        JsonNode retry = again.json().path("retry_context");
        assertThat(retry.path("gate_count").asInt()).isEqualTo(2);
        assertThat(retry.path("completion_count").asInt()).isEqualTo(1);
        assertThat(retry.path("prior_completion_status").asText()).isEqualTo("completed");
        assertThat(retry.path("prior_output_available").asBoolean()).isTrue();
        assertThat(retry.path("prior_output").path("result").asText()).isEqualTo("ok");
        assertThat(retry.path("prior_completion_at").isTextual()).isTrue();
    }

    @Test
    void stepComplete_emptyBody_isAccepted_andUnknownStepIs404() {
        String id = api.createWorkflow("empty-complete");
        api.gate(id, "s1", Map.of("step_type", "tool_call")).expect(200);
        assertThat(api.post("/api/v1/workflows/" + id + "/steps/s1/complete").status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/workflows/" + id + "/steps/s1/complete", "{}")
                        .status())
                .isEqualTo(204);
        api.post("/api/v1/workflows/" + id + "/steps/nope/complete").expectError(404, "NOT_FOUND");
    }

    @Test
    void abortAndFail_reasonsDefaults_andTerminalConflicts() {
        String aborted = api.createWorkflow("to-abort");
        Reply abort = api.post("/api/v1/workflows/" + aborted + "/abort").expect(200);
        assertThat(abort.text("status")).isEqualTo("aborted");
        assertThat(abort.text("message")).isEqualTo("Workflow aborted");
        assertThat(abort.text("reason")).isEqualTo("Aborted by user");

        String failed = api.createWorkflow("to-fail");
        Reply fail = api.post(
                        "/api/v1/workflows/" + failed + "/fail", Map.of("reason", "pipeline error: step 3 timed out"))
                .expect(200);
        assertThat(fail.text("status")).isEqualTo("failed");
        assertThat(fail.text("message")).isEqualTo("Workflow marked as failed");
        assertThat(fail.text("reason")).isEqualTo("pipeline error: step 3 timed out");
        assertThat(api.post("/api/v1/workflows/" + api.createWorkflow("f2") + "/fail")
                        .expect(200)
                        .text("reason"))
                .isEqualTo("Failed");

        for (String path : List.of("/complete", "/abort", "/fail", "/steps/x/gate", "/steps/x/complete")) {
            Reply conflict = path.endsWith("gate")
                    ? api.gate(failed, "x", Map.of("step_type", "llm_call"))
                    : api.post("/api/v1/workflows/" + failed + path);
            conflict.expectError(409, "WORKFLOW_TERMINAL");
            assertThat(conflict.text("message")).isEqualTo("workflow is in terminal state: failed");
        }
        Reply resume = api.post("/api/v1/workflows/" + aborted + "/resume").expectError(409, "WORKFLOW_TERMINAL");
        assertThat(resume.text("message")).isEqualTo("cannot resume workflow in terminal state: aborted");
    }

    @Test
    void resume_inProgress_changesNothing() {
        String id = api.createWorkflow("resume-me");
        Reply resumed = api.post("/api/v1/workflows/" + id + "/resume", "{}").expect(200);
        assertThat(resumed.text("status")).isEqualTo("in_progress");
        assertThat(resumed.text("message")).isEqualTo("Workflow resumed");
        assertThat(api.get("/api/v1/workflows/" + id).text("status")).isEqualTo("in_progress");
    }

    @Test
    void totalSteps_isFinalisedAtTerminalTransition_toDistinctGatedSteps() {
        String id = api.createWorkflow("count-steps");
        for (String step : List.of("a", "b", "c")) {
            api.gate(id, step, Map.of("step_type", "llm_call")).expect(200);
        }
        api.gate(id, "b", Map.of("step_type", "llm_call")).expect(200);
        api.gate(id, "b", Map.of("step_type", "llm_call", "retry_policy", "reevaluate"))
                .expect(200);
        Reply status = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(status.json().path("current_step_index").asInt()).isEqualTo(3);
        assertThat(status.json().path("steps").findValuesAsText("step_id")).containsExactly("a", "b", "c");
        assertThat(status.json().path("steps").findValues("step_index"))
                .extracting(JsonNode::asInt)
                .containsExactly(1, 2, 3);
        api.post("/api/v1/workflows/" + id + "/abort", Map.of("reason", "done early"))
                .expect(200);
        Reply finished = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(finished.json().path("total_steps").asInt()).isEqualTo(3);
        assertThat(finished.text("status")).isEqualTo("aborted");
    }

    @Test
    void getUnknownWorkflow_is404InWcpEnvelope() {
        Reply missing = api.get("/api/v1/workflows/wf_doesnotexist").expectError(404, "NOT_FOUND");
        assertThat(missing.text("error")).isEqualTo("not_found");
        assertThat(missing.text("message")).isEqualTo("Workflow not found");
        for (String path : List.of(
                "/complete",
                "/abort",
                "/fail",
                "/resume",
                "/steps/s/complete",
                "/steps/s/approve",
                "/steps/s/reject")) {
            Reply reply = path.endsWith("approve")
                    ? api.post("/api/v1/workflows/wf_doesnotexist" + path, Map.of("comment", "looks good to me"))
                    : path.endsWith("reject")
                            ? api.post("/api/v1/workflows/wf_doesnotexist" + path, Map.of("reason", "not today, sorry"))
                            : api.post("/api/v1/workflows/wf_doesnotexist" + path);
            reply.expectError(404, "NOT_FOUND");
        }
        api.gate("wf_doesnotexist", "s", Map.of("step_type", "llm_call")).expectError(404, "NOT_FOUND");
    }

    @Test
    void health_andMetrics_areServedWithoutCredentials() {
        Reply health = api.get("/health").expect(200);
        assertThat(health.text("status")).isEqualTo("healthy");
        assertThat(health.text("service")).isEqualTo("arbiter");
        assertThat(health.json().path("components").path("database").asText()).isEqualTo("connected");
        assertThat(health.json().path("capabilities").isArray()).isTrue();
        assertThat(health.json().path("timestamp").isTextual()).isTrue();

        String id = api.createWorkflow("metrics");
        api.gate(id, "m1", Map.of("step_type", "llm_call")).expect(200);
        Reply metrics = api.get("/metrics").expect(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("arbiter_gate_latency_seconds_bucket")
                .contains("arbiter_gate_decisions_total{decision=\"allow\"")
                .contains("arbiter_http_requests_total{method=\"POST\",status=\"201\"")
                .contains("arbiter_store_writes_waiting ")
                .contains("arbiter_store_write_commits_total ")
                .containsPattern("arbiter_store_writes_committed_total [1-9]")
                .containsPattern("arbiter_store_writer_time_seconds_total\\{phase=\"work\"} [0-9.E-]*[1-9]")
                .containsPattern("arbiter_store_writer_time_seconds_total\\{phase=\"commit\"} [0-9.E-]*[1-9]")
                .contains("arbiter_store_writer_time_seconds_total{phase=\"housekeeping\"}")
                .contains("arbiter_store_writer_slow_operations_total{phase=\"work\"}");
    }
}
