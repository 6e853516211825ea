package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** A simulation report for people: totals, transitions, per-policy impact, samples. Stateless. */
final class SimulationPrinter {
    private SimulationPrinter() {}

    static void print(JsonNode report, PrintWriter out) {
        String window = report.path("workflow_ids").isArray()
                ? "workflows " + report.path("workflow_ids")
                : report.path("from").asText() + " .. " + report.path("to").asText();
        out.println("Replayed " + report.path("gates_replayed").asInt() + " gates (" + window + "), baseline "
                + report.path("baseline").asText()
                + (report.path("limited").asBoolean() ? "; the window held more, only the oldest were replayed" : ""));
        out.println(report.path("decisions_changed").asInt() + " decisions would change ("
                + report.path("matches_changed").asInt() + " gates would match different policies)");
        for (JsonNode t : report.path("transitions")) {
            out.println("  " + t.path("from").asText() + " -> " + t.path("to").asText() + ": "
                    + t.path("count").asInt());
        }
        if (!report.path("policies").isEmpty()) {
            out.println("By policy:");
        }
        for (JsonNode p : report.path("policies")) {
            StringBuilder line = new StringBuilder("  " + p.path("policy_name").asText() + " ("
                    + p.path("change").asText() + "): "
                    + p.path("decisions_changed").asInt() + " decisions changed");
            for (JsonNode t : p.path("transitions")) {
                line.append(", ")
                        .append(t.path("from").asText())
                        .append(" -> ")
                        .append(t.path("to").asText())
                        .append(' ')
                        .append(t.path("count").asInt());
            }
            line.append("; newly matched ")
                    .append(p.path("newly_matched").asInt())
                    .append(", no longer matched ")
                    .append(p.path("no_longer_matched").asInt());
            out.println(line);
        }
        if (!report.path("samples").isEmpty()) {
            out.println("Samples:");
        }
        for (JsonNode s : report.path("samples")) {
            out.println("  " + s.path("workflow_id").asText() + " / "
                    + s.path("step_id").asText() + " at " + s.path("gated_at").asText() + ": "
                    + s.path("from").asText() + " -> " + s.path("to").asText());
        }
        int truncated = report.path("contexts_truncated").asInt();
        if (truncated > 0) {
            out.println(truncated + " recorded contexts lost values too large to keep (" + report.path("truncated_keys")
                    + "); policies on those keys saw them as missing");
        }
        int errors = report.path("evaluation_errors").asInt();
        if (errors > 0) {
            out.println(errors + " gates had policy expressions that failed to evaluate under the candidate");
        }
    }
}
