package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.core.PolicyValidationException;
import dev.arbiter.server.policy.PolicyDiff;
import dev.arbiter.wire.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arbiter policies apply -f file.yaml}: makes the tenant's policies of those names look like the file,
 * creating the missing ones and updating the changed ones in one atomic import ({@code overwrite} mode), and
 * prints the diff. Applying the same file again changes nothing. Policies not in the file are left alone.
 */
@Command(name = "apply", description = "Create or update policies by name from a YAML file; prints the diff.")
final class ApplyCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Option(
            names = {"-f", "--file"},
            required = true,
            description = "Policy file: a list of policies or {policies: [...]}.")
    private Path file = Path.of("policies.yaml");

    @Option(names = "--dry-run", description = "Only print what would change.")
    private boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<Map<String, Object>> documents = PolicyFiles.policies(file);
            if (documents.size() > 100) {
                throw new CliFailure(file + " holds " + documents.size() + " policies; apply takes at most 100");
            }
            return dryRun ? preview(documents, out) : apply(documents, out);
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        }
    }

    private int apply(List<Map<String, Object>> documents, PrintWriter out) {
        JsonNode result = server.api()
                .post(PolicyApi.POLICIES + "/import", Map.of("policies", documents, "overwrite_mode", "overwrite"));
        for (JsonNode entry : result.path("results")) {
            String name = entry.path("name").asText();
            switch (entry.path("result").asText()) {
                case "created" ->
                    out.println("+ " + name + "  created (" + entry.path("id").asText() + ")");
                case "updated" -> {
                    out.println("~ " + name + "  updated");
                    entry.path("changes").forEach(change -> out.println("    " + change.asText()));
                }
                default -> out.println("= " + name + "  unchanged");
            }
        }
        out.println(documents.size() + " policies: " + result.path("created").asInt() + " created, "
                + result.path("updated").asInt() + " updated, "
                + result.path("unchanged").asInt() + " unchanged");
        return 0;
    }

    private int preview(List<Map<String, Object>> documents, PrintWriter out) {
        Map<String, Policy> existing = new HashMap<>();
        for (JsonNode resource :
                server.api().get(PolicyApi.POLICIES + "/export").path("policies")) {
            Policy policy = PolicyParser.parse(Json.mapper().convertValue(resource, Map.class));
            existing.put(policy.name(), policy);
        }
        int creates = 0;
        int updates = 0;
        for (int i = 0; i < documents.size(); i++) {
            Policy local;
            try {
                local = PolicyParser.parse(documents.get(i));
            } catch (PolicyValidationException e) {
                for (FieldError error : e.errors()) {
                    spec.commandLine().getErr().println("error: policies[" + i + "]." + error);
                }
                return 1;
            }
            Policy current = existing.get(local.name());
            if (current == null) {
                creates++;
                out.println("+ " + local.name() + "  would be created");
                continue;
            }
            List<String> changes = PolicyDiff.of(current, local);
            if (changes.isEmpty()) {
                out.println("= " + local.name() + "  unchanged");
            } else {
                updates++;
                out.println("~ " + local.name() + "  would be updated");
                changes.forEach(change -> out.println("    " + change));
            }
        }
        out.println("dry run: " + creates + " to create, " + updates + " to update; nothing was changed");
        return 0;
    }
}
