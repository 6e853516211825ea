package dev.arbiter.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.wire.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code arbiter policies simulate}: what the policies of a file (and the removals asked for) would have
 * decided on recorded gates, compared with the current policies. Nothing is changed on the server.
 */
@Command(name = "simulate", description = "Replay recorded gates against candidate policies; prints the diff.")
final class SimulateCommand implements Callable<Integer> {
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ServerOptions server = new ServerOptions();

    @Option(
            names = {"-f", "--file"},
            description = "Candidate policies (new ones, or changed ones by name).")
    private @Nullable Path file;

    @Option(names = "--remove", description = "Name or id of a policy the candidate leaves out (repeatable).")
    private List<String> remove = new ArrayList<>();

    @Option(names = "--since", description = "Replay the gates of this last period, e.g. 1h, 30m, 7d (default 1h).")
    private @Nullable String since;

    @Option(names = "--from", description = "Window start, RFC 3339.")
    private @Nullable String from;

    @Option(names = "--to", description = "Window end, RFC 3339.")
    private @Nullable String to;

    @Option(names = "--workflow", description = "Replay only this workflow's gates (repeatable).")
    private List<String> workflows = new ArrayList<>();

    @Option(names = "--baseline", description = "current (default) or recorded.")
    private @Nullable String baseline;

    @Option(names = "--limit", description = "Most gates replayed (default 10000).")
    private @Nullable Integer limit;

    @Option(names = "--json", description = "Print the raw report.")
    private boolean json;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            JsonNode report = server.api().post(PolicyApi.SIMULATE, body());
            if (json) {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
            } else {
                SimulationPrinter.print(report, out);
            }
            return 0;
        } catch (CliFailure e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            spec.commandLine().getErr().println("error: cannot print the report: " + e.getOriginalMessage());
            return 1;
        }
    }

    private Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (file != null) {
            body.put("policies", PolicyFiles.policies(file));
        }
        if (!remove.isEmpty()) {
            body.put("remove", remove);
        }
        if (since != null) {
            body.put("from", clock.instant().minus(duration(since)).toString());
        }
        if (from != null) {
            body.put("from", from);
        }
        if (to != null) {
            body.put("to", to);
        }
        if (!workflows.isEmpty()) {
            body.put("workflow_ids", workflows);
        }
        if (baseline != null) {
            body.put("baseline", baseline);
        }
        if (limit != null) {
            body.put("limit", limit);
        }
        return body;
    }

    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new CliFailure("--since must look like 30m, 1h or 7d, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
