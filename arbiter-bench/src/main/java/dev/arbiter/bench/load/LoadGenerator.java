package dev.arbiter.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop HTTP load generator for benchmark B1 (../shared/reference/benchmarks.md): step gates at fixed
 * rates against a running Arbiter, with {@code GET /health} on the same server as the floor, each
 * latency measured from the intended send time.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.arbiter.bench.load.LoadGenerator --base=http://127.0.0.1:8080
 * --rates=500,1000,2000 --duration=30 --warmup=20 --workflows=100 --connections=100
 * --out=target/gate-load.json --timeline=true --fsync-ms=0.8}; with {@code --fsync-ms} (the disk's fsync floor,
 * {@code dev.arbiter.bench.disk.FsyncFloor}) it also prints each rate's {@link B1Goal}.
 */
public final class LoadGenerator {
    private static final Pattern WORKFLOW_ID = Pattern.compile("\"workflow_id\"\\s*:\\s*\"([^\"]+)\"");

    private LoadGenerator() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String base = options.getOrDefault("base", "http://127.0.0.1:8080");
        List<Integer> rates = new ArrayList<>();
        for (String rate : options.getOrDefault("rates", "500,1000,2000").split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("duration", "30")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
        int workflowCount = Integer.parseInt(options.getOrDefault("workflows", "100"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "100"));
        Path out = Path.of(options.getOrDefault("out", "target/gate-load.json"));
        // The slow slices of each measured run (Timeline), one file per run next to the results.
        boolean timelines = Boolean.parseBoolean(options.getOrDefault("timeline", "false"));

        ExecutorService responses = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(responses)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        OpenLoopRun runner = new OpenLoopRun(client, connections, Clock.systemUTC());
        GateRequests gates = new GateRequests(base, createWorkflows(client, base, workflowCount));
        LongFunction<HttpRequest> health = i -> HttpRequest.newBuilder(URI.create(base + "/health"))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();

        System.out.println("warm-up " + warmup.toSeconds() + " s (gate and health at " + rates.get(0) + "/s), at most "
                + connections + " requests in flight");
        runner.run("warmup", gates.fresh("warm"), rates.get(0), warmup);
        runner.run("warmup", health, rates.get(0), warmup.dividedBy(2));

        List<RunResult> results = new ArrayList<>();
        for (int rate : rates) {
            results.add(report(runner.run("health", health, rate, duration)));
            results.add(report(runner.run("gate", gates.fresh("r" + rate), rate, duration)));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(
                out,
                "[\n  "
                        + String.join(
                                ",\n  ", results.stream().map(RunResult::json).toList()) + "\n]\n",
                StandardCharsets.UTF_8);
        System.out.println("results written to " + out);
        // --fsync-ms: the disk's fsync floor measured before the server started (FsyncFloor), for the goal.
        if (options.containsKey("fsync-ms")) {
            double fsyncMs = Double.parseDouble(options.get("fsync-ms"));
            B1Goal.of(results, fsyncMs).forEach(goal -> System.out.println(goal.summary()));
        }
        if (timelines) {
            for (RunResult result : results) {
                Path file = out.resolveSibling("timeline-" + result.name() + "-" + result.targetRate() + ".txt");
                Files.writeString(file, result.timeline().slowSlices(), StandardCharsets.UTF_8);
            }
            System.out.println("slow slices written next to it (timeline-*.txt)");
        }
        client.shutdownNow();
        responses.shutdownNow(); // Its threads are not daemons; left running they would keep the JVM alive.
    }

    private static RunResult report(RunResult result) {
        System.out.println(result.summary());
        return result;
    }

    private static List<String> createWorkflows(HttpClient client, String base, int count)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/api/v1/workflows"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"workflow_name\":\"load-" + i + "\",\"source\":\"langgraph\"}"))
                    .build();
            HttpResponse<String> response = client.send(create, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = WORKFLOW_ID.matcher(response.body());
            if (response.statusCode() != 201 || !matcher.find()) {
                throw new IllegalStateException(
                        "cannot create workflow: " + response.statusCode() + " " + response.body());
            }
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
