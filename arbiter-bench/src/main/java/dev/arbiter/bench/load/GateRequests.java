package dev.arbiter.bench.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Realistic step-gate requests (benchmarks.md B1): a tool call with a JSON input of about 600 bytes,
 * every fifth one carrying PII, spread round-robin over many workflows so that no single workflow's
 * row lock serializes the load. Every request gates a new step, so each one is a fresh decision.
 */
final class GateRequests {
    private static final String FILLER = "Summarise the quarterly report for the finance team, highlight revenue by"
            + " region, list the three largest cost increases and suggest follow-up questions for the"
            + " review meeting next week. Keep the tone neutral and cite the source tables.";

    private final String base;
    private final List<String> workflowIds;

    GateRequests(String base, List<String> workflowIds) {
        this.base = base;
        this.workflowIds = List.copyOf(workflowIds);
    }

    /** Requests for a run; {@code prefix} keeps step ids of different runs apart. */
    LongFunction<HttpRequest> fresh(String prefix) {
        return i -> {
            String workflow = workflowIds.get((int) (i % workflowIds.size()));
            String step = prefix + "-" + i;
            return HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/workflows/" + workflow + "/steps/" + step + "/gate"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body(i)))
                    .build();
        };
    }

    static String body(long i) {
        String note = i % 5 == 0 ? "Customer SSN 123-45-6789, card 4111 1111 1111 1111." : "No customer data.";
        return "{\"step_name\":\"tools/search_" + (i % 20) + "\",\"step_type\":\"tool_call\",\"model\":\"gpt-4o\","
                + "\"provider\":\"openai\",\"step_input\":{\"prompt\":\"" + FILLER + "\",\"note\":\"" + note
                + "\"},\"tool_context\":{\"tool_name\":\"search_" + (i % 20) + "\",\"tool_type\":\"function\","
                + "\"tool_input\":{\"query\":\"quarterly revenue by region " + i + "\",\"limit\":10}}}";
    }
}
