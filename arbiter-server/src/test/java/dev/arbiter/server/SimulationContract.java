package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What-if simulation: 200 gates are recorded under policy set P (block shell, approve deploys, log searches),
 * then P' (a new block on http_post, the shell block removed) is replayed against them.
 */
abstract class SimulationContract extends ServerContract {
    static final String BASE = "/api/v1/tenant-policies";
    static final String SIMULATE = "/api/v1/policies/simulate";
    static final List<String> STEPS = List.of("shell", "search", "http_post", "sql", "deploy");

    final List<String> workflows = new ArrayList<>();
    String shellPolicy;
    Instant startedAt;

    @BeforeAll
    void recordTrafficUnderP() {
        startedAt = Instant.now();
        shellPolicy =
                create(Map.of("name", "block-shell", "conditions", Map.of("tool_name", "shell"), "action", "block"));
        create(Map.of(
                "name", "approve-deploy", "conditions", Map.of("step_name", "deploy"), "action", "require_approval"));
        create(Map.of("name", "log-search", "conditions", Map.of("tool_name", "search"), "action", "log"));
        Map<String, Integer> decisions = new HashMap<>();
        for (int w = 0; w < 40; w++) {
            String wf = api.createWorkflow("traffic-" + w);
            workflows.add(wf);
            // The deploy step comes last: a pending approval refuses gates of other steps of its workflow.
            for (String step : STEPS) {
                String decision = api.gate(wf, step, gate(step)).expect(200).text("decision");
                decisions.merge(decision, 1, Integer::sum);
            }
        }
        assertThat(decisions).containsEntry("block", 40).containsEntry("require_approval", 40);
        assertThat(decisions).containsEntry("allow", 120);
    }

    String create(Map<String, Object> policy) {
        return api.post(BASE, policy)
                .expect(201)
                .json()
                .path("policy")
                .path("id")
                .asText();
    }

    static Map<String, Object> gate(String step) {
        if (step.equals("deploy")) {
            return Map.of("step_name", "deploy", "step_type", "connector_call");
        }
        return Map.of(
                "step_name",
                step,
                "step_type",
                "tool_call",
                "tool_context",
                Map.of("tool_name", step, "tool_type", "function", "tool_input", Map.of("arg", step)));
    }

    static Map<String, Object> pPrime() {
        return new HashMap<>(Map.of(
                "policies",
                List.of(Map.of(
                        "name",
                        "block-http-post",
                        "conditions",
                        Map.of("tool_name", "http_post"),
                        "action",
                        "block",
                        "reason",
                        "no outbound posts")),
                "remove",
                List.of("block-shell"),
                "samples",
                3));
    }

    static int transition(JsonNode transitions, String from, String to) {
        for (JsonNode t : transitions) {
            if (t.path("from").asText().equals(from) && t.path("to").asText().equals(to)) {
                return t.path("count").asInt();
            }
        }
        return 0;
    }

    static JsonNode impact(JsonNode report, String name) {
        for (JsonNode p : report.path("policies")) {
            if (p.path("policy_name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no impact for " + name + " in " + report);
    }

    @Test
    void simulate_newBlockAndRemovedRule_reportsExactDiff() {
        JsonNode report = api.post(SIMULATE, pPrime()).expect(200).json();

        assertThat(report.path("baseline").asText()).isEqualTo("current");
        assertThat(report.path("gates_replayed").asInt()).isEqualTo(200);
        assertThat(report.path("limited").asBoolean()).isFalse();
        assertThat(report.path("decisions_changed").asInt()).isEqualTo(80);
        assertThat(report.path("matches_changed").asInt()).isEqualTo(80);
        assertThat(report.path("transitions")).hasSize(2);
        assertThat(transition(report.path("transitions"), "allow", "block")).isEqualTo(40);
        assertThat(transition(report.path("transitions"), "block", "allow")).isEqualTo(40);
        assertThat(report.path("samples")).hasSize(3);
        assertThat(report.path("removed").get(0).asText()).isEqualTo(shellPolicy);
        assertThat(report.path("added").get(0).asText()).isEqualTo("new:block-http-post");

        JsonNode added = impact(report, "block-http-post");
        assertThat(added.path("change").asText()).isEqualTo("added");
        assertThat(added.path("decisions_changed").asInt()).isEqualTo(40);
        assertThat(added.path("newly_matched").asInt()).isEqualTo(40);
        assertThat(transition(added.path("transitions"), "allow", "block")).isEqualTo(40);
        JsonNode sample = added.path("samples").get(0);
        assertThat(sample.path("step_id").asText()).isEqualTo("http_post");
        assertThat(workflows).contains(sample.path("workflow_id").asText());
        assertThat(sample.path("candidate_policy_ids").get(0).asText()).isEqualTo("new:block-http-post");

        JsonNode removed = impact(report, "block-shell");
        assertThat(removed.path("change").asText()).isEqualTo("removed");
        assertThat(removed.path("decisions_changed").asInt()).isEqualTo(40);
        assertThat(removed.path("no_longer_matched").asInt()).isEqualTo(40);
        assertThat(transition(removed.path("transitions"), "block", "allow")).isEqualTo(40);
        assertThat(report.path("policies")).hasSize(2);

        // Simulation changes nothing: the shell block is still enforced.
        String wf = api.createWorkflow("after-simulation");
        assertThat(api.gate(wf, "shell", gate("shell")).text("decision")).isEqualTo("block");
    }

    @Test
    void simulate_againstRecordedDecisions_givesTheSameCounts() {
        Map<String, Object> body = pPrime();
        body.put("baseline", "recorded");
        body.put("from", startedAt.toString());
        JsonNode report = api.post(SIMULATE, body).expect(200).json();
        assertThat(report.path("baseline").asText()).isEqualTo("recorded");
        assertThat(report.path("gates_replayed").asInt()).isEqualTo(200);
        assertThat(report.path("decisions_changed").asInt()).isEqualTo(80);
        assertThat(impact(report, "block-shell").path("decisions_changed").asInt())
                .isEqualTo(40);
    }

    @Test
    void simulate_byWorkflow_andOutsideTheWindow() {
        Map<String, Object> body = pPrime();
        body.put("workflow_ids", workflows.subList(0, 2));
        JsonNode two = api.post(SIMULATE, body).expect(200).json();
        assertThat(two.path("gates_replayed").asInt()).isEqualTo(10);
        assertThat(two.path("decisions_changed").asInt()).isEqualTo(4);
        assertThat(two.path("workflow_ids")).hasSize(2);

        Map<String, Object> past = pPrime();
        past.put("from", "2020-01-01T00:00:00Z");
        past.put("to", "2020-01-02T00:00:00Z");
        assertThat(api.post(SIMULATE, past)
                        .expect(200)
                        .json()
                        .path("gates_replayed")
                        .asInt())
                .isZero();

        Map<String, Object> limited = pPrime();
        limited.put("limit", 50);
        JsonNode cut = api.post(SIMULATE, limited).expect(200).json();
        assertThat(cut.path("gates_replayed").asInt()).isEqualTo(50);
        assertThat(cut.path("limited").asBoolean()).isTrue();
    }

    @Test
    void simulate_changedPolicy_isChargedToIt() {
        Map<String, Object> body = Map.of(
                "policies",
                List.of(Map.of("name", "log-search", "conditions", Map.of("tool_name", "search"), "action", "block")));
        JsonNode report = api.post(SIMULATE, body).expect(200).json();
        assertThat(report.path("decisions_changed").asInt()).isEqualTo(40);
        assertThat(report.path("matches_changed").asInt()).isZero();
        JsonNode changed = impact(report, "log-search");
        assertThat(changed.path("change").asText()).isEqualTo("changed");
        assertThat(transition(changed.path("transitions"), "allow", "block")).isEqualTo(40);
    }

    @Test
    void simulate_truncatedContext_isReported() {
        String wf = api.createWorkflow("huge-input");
        api.gate(wf, "big", Map.of("step_type", "llm_call", "step_input", Map.of("blob", "x".repeat(70_000))))
                .expect(200);
        JsonNode report = api.post(SIMULATE, Map.of("workflow_ids", List.of(wf)))
                .expect(200)
                .json();
        assertThat(report.path("gates_replayed").asInt()).isEqualTo(1);
        assertThat(report.path("contexts_truncated").asInt()).isEqualTo(1);
        assertThat(report.path("truncated_keys").get(0).asText()).isEqualTo("step_input");
    }

    @Test
    void simulate_badInput_isAProblemWithPointers() {
        Reply reply = api.post(
                        SIMULATE,
                        Map.of(
                                "remove",
                                List.of("no-such-policy"),
                                "policies",
                                List.of(Map.of(
                                        "name",
                                        "x",
                                        "conditions",
                                        Map.of("a", Map.of("equal", 1)),
                                        "action",
                                        "block"))))
                .expect(400)
                .assertNoInternals();
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("code").asText()).isEqualTo("validation_error");
        assertThat(problem.path("type").asText()).isEqualTo("https://arbiter.dev/problems/validation-error");
        assertThat(problem.path("instance").asText()).isEqualTo(SIMULATE);
        List<String> pointers = new ArrayList<>();
        problem.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        assertThat(pointers).containsExactly("policies[0].conditions[0].operator", "remove[0]");

        JsonNode unknown = api.post(SIMULATE, Map.of("window", "1h", "limit", 0))
                .expect(400)
                .json();
        pointers.clear();
        unknown.path("errors").forEach(e -> pointers.add(e.path("pointer").asText()));
        assertThat(pointers).containsExactlyInAnyOrder("window", "limit");
        assertThat(api.post(SIMULATE, "{oops").expect(400).json().path("code").asText())
                .isEqualTo("invalid_json");
    }
}
