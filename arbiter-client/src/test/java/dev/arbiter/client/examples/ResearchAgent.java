package dev.arbiter.client.examples;

import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.ArbiterConfig;
import dev.arbiter.client.Usage;
import dev.arbiter.client.WorkflowSession;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A research agent governed by Arbiter: every model call and tool call is gated first. */
public final class ResearchAgent {
    /** Runs one governed research; returns the Arbiter workflow id. */
    public static String research(String endpoint, String topic) {
        try (ArbiterClient client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(endpoint) // e.g. "http://localhost:8080"
                .clientId("research-agent")
                .clientSecret(System.getenv("ARBITER_CLIENT_SECRET")) // not needed in community mode
                .build())) {
            try (WorkflowSession session = client.session("research-agent", WorkflowSource.LANGGRAPH)
                    .waitForApproval(Duration.ofSeconds(2), Duration.ofMinutes(5))
                    .start("langsmith-run-abc123")) {
                // A model call: gate, run (through the session, so a failure aborts the workflow), report.
                if (session.checkGate("plan_research", StepType.LLM_CALL, "gpt-4o", "openai", Map.of("topic", topic))) {
                    Map<String, Object> plan = session.call(() -> planResearch(topic));
                    session.stepCompleted("plan_research", plan, Usage.of(120, 340, 0.0021));
                }
                // A tool call: gated per tool, so policies can allow web_search and block code_executor.
                if (session.checkToolGate("web_search", "function", Map.of("query", topic))) {
                    Map<String, Object> results = session.call(() -> webSearch(topic));
                    session.toolCompleted("web_search", results);
                }
                return session.workflowId().orElse("ungoverned");
            } // Completed here; aborted with the message if a step was blocked or the work threw.
        }
    }

    // Stand-ins for your model and tool calls.
    static Map<String, Object> planResearch(String topic) {
        return Map.of("plan", List.of("survey recent papers on " + topic, "summarise the findings"));
    }

    static Map<String, Object> webSearch(String query) {
        return Map.of("results", List.of("https://example.org/" + query.replace(' ', '-')));
    }
}
