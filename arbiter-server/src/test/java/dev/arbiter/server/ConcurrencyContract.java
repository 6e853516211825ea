package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parallel gates: consistent step indices and exactly one audit record per operation. */
abstract class ConcurrencyContract extends ServerContract {
    private static final int PARALLEL = 50;

    @Test
    void parallelGates_oneWorkflow_getDenseUniqueIndices() throws Exception {
        String id = api.createWorkflow("parallel-one");
        List<Reply> replies = parallel(IntStream.range(0, PARALLEL)
                .mapToObj(i -> (Callable<Reply>) () -> api.gate(id, "step-" + i, Map.of("step_type", "tool_call")))
                .toList());
        assertThat(replies).allSatisfy(r -> r.expect(200));

        JsonNode status = api.get("/api/v1/workflows/" + id).expect(200).json();
        assertThat(status.path("current_step_index").asInt()).isEqualTo(PARALLEL);
        List<Integer> indices = new ArrayList<>();
        status.path("steps").forEach(s -> indices.add(s.path("step_index").asInt()));
        assertThat(indices)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, PARALLEL).boxed().toList());

        Map<String, Integer> gateRecords = auditCount(id, "workflow_step_gate");
        assertThat(gateRecords)
                .hasSize(PARALLEL)
                .allSatisfy((step, count) -> assertThat(count).isEqualTo(1));
        assertThat(total(id)).isEqualTo(PARALLEL + 1);
        assertThat(api.get("/api/v1/audit/verify").json().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void parallelGates_acrossWorkflows_eachGetIndexOne() throws Exception {
        List<String> ids = parallel(IntStream.range(0, PARALLEL)
                .mapToObj(i -> (Callable<String>) () -> api.createWorkflow("parallel-many-" + i))
                .toList());
        List<Reply> replies = parallel(ids.stream()
                .map(id -> (Callable<Reply>) () -> api.gate(id, "only", Map.of("step_type", "llm_call")))
                .toList());
        assertThat(replies).allSatisfy(r -> r.expect(200));
        for (String id : ids) {
            JsonNode status = api.get("/api/v1/workflows/" + id).json();
            assertThat(status.path("steps").get(0).path("step_index").asInt()).isEqualTo(1);
            assertThat(total(id)).as("created + one gate for %s", id).isEqualTo(2);
        }
        assertThat(api.get("/api/v1/audit/verify").json().path("valid").asBoolean())
                .isTrue();
    }

    @Test
    void parallelRegates_sameStep_oneFreshDecisionTheRestCached() throws Exception {
        String id = api.createWorkflow("parallel-same");
        int calls = 20;
        List<Reply> replies = parallel(IntStream.range(0, calls)
                .mapToObj(i -> (Callable<Reply>) () -> api.gate(id, "same", Map.of("step_type", "llm_call")))
                .toList());
        assertThat(replies).allSatisfy(r -> r.expect(200));
        assertThat(replies.stream().filter(r -> r.text("decision_source").equals("fresh")))
                .hasSize(1);
        List<Integer> counts = replies.stream()
                .map(r -> r.json().path("retry_context").path("gate_count").asInt())
                .sorted()
                .toList();
        assertThat(counts)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, calls).boxed().toList());
        assertThat(api.get("/api/v1/workflows/" + id)
                        .json()
                        .path("current_step_index")
                        .asInt())
                .isEqualTo(1);
        assertThat(auditCount(id, "workflow_step_gate")).containsEntry("same", calls);
    }

    private <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    private int total(String workflowId) {
        return api.post("/api/v1/audit/search", Map.of("request_id", workflowId, "limit", 1))
                .expect(200)
                .json()
                .path("total")
                .asInt();
    }

    private Map<String, Integer> auditCount(String workflowId, String type) {
        JsonNode entries = api.post(
                        "/api/v1/audit/search", Map.of("request_id", workflowId, "request_type", type, "limit", 1000))
                .expect(200)
                .json()
                .path("entries");
        Map<String, Integer> byStep = new HashMap<>();
        entries.forEach(e -> byStep.merge(e.path("metadata").path("step_id").asText(), 1, Integer::sum));
        return byStep;
    }
}
