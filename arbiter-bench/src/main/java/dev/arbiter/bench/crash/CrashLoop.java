package dev.arbiter.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash torture for the embedded default: starts the server jar on one data directory, gates steps from
 * many threads, kills the server with SIGKILL at a random moment, restarts it and checks that every
 * acknowledged decision is stored and audited, that the steps and the audit agree, and that the hash chain
 * verifies and covers every record. Repeats for the given number of cycles on the same directory, so the
 * database also recovers from earlier crashes. A durability bug that shows once in dozens of kills in the
 * test suite shows here within minutes.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.arbiter.bench.crash.CrashLoop --jar=arbiter-server/target/arbiter.jar
 * --cycles=50 --threads=16}. Exits 1 on the first violated invariant, leaving the data directory for inspection.
 */
public final class CrashLoop {
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String jar;
    private final Path dataDir;

    private CrashLoop(String jar, Path dataDir) {
        this.jar = jar;
        this.dataDir = dataDir;
    }

    public static void main(String[] args) throws Exception {
        String jar = "arbiter-server/target/arbiter.jar";
        int cycles = 20;
        int threads = 16;
        for (String arg : args) {
            if (arg.startsWith("--jar=")) {
                jar = arg.substring(6);
            } else if (arg.startsWith("--cycles=")) {
                cycles = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--threads=")) {
                threads = Integer.parseInt(arg.substring(10));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        Path dataDir = Files.createTempDirectory("arbiter-crash");
        CrashLoop loop = new CrashLoop(jar, dataDir);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            String problem = loop.cycle(cycle, threads);
            if (problem != null) {
                System.out.println("cycle " + cycle + " FAILED: " + problem + " (data kept in " + dataDir + ")");
                System.exit(1);
            }
        }
        System.out.println("all " + cycles + " cycles passed (data in " + dataDir + ")");
    }

    /** One kill and restart; returns what is wrong, or null. */
    private String cycle(int cycle, int threads) throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String workflowId;
        long killAfterMs = ThreadLocalRandom.current().nextLong(0, 1500);
        Process server = start();
        try {
            String base = "http://127.0.0.1:" + awaitPort(server);
            workflowId = createWorkflow(base, "crash-" + cycle);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                senders.add(Thread.ofPlatform().start(() -> {
                    while (running.get()) {
                        String step = "s-" + counter.incrementAndGet();
                        try {
                            if (gate(base, workflowId, step) == 200) {
                                acknowledged.add(step);
                            }
                        } catch (IOException | RuntimeException e) {
                            return;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            // Kill at a random moment once gates flow, so that every kill lands among in-flight writes.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread.sleep(killAfterMs);
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
            running.set(false);
            for (Thread sender : senders) {
                sender.join(30_000);
            }
        } finally {
            server.destroyForcibly();
        }

        Process second = start();
        try {
            String base = "http://127.0.0.1:" + awaitPort(second);
            Set<String> audited = auditedSteps(base, workflowId);
            Set<String> stored = new HashSet<>();
            get(base, "/api/v1/workflows/" + workflowId)
                    .path("steps")
                    .forEach(s -> stored.add(s.path("step_id").asText()));
            JsonNode verify = get(base, "/api/v1/audit/verify");
            long records = total(base);
            System.out.printf(
                    "cycle %d: killed %d ms after the 20th acknowledgement, %d acknowledged, %d stored, %d audited, chain %s (%d records, %d searchable)%n",
                    cycle,
                    killAfterMs,
                    acknowledged.size(),
                    stored.size(),
                    audited.size(),
                    verify.path("valid").asBoolean() ? "valid" : "BROKEN",
                    verify.path("records_checked").asLong(),
                    records);
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(audited);
            if (!lost.isEmpty()) {
                return "acknowledged but not audited: " + lost;
            }
            if (!stored.equals(audited)) {
                return "steps and audit disagree: stored " + stored.size() + ", audited " + audited.size();
            }
            if (!verify.path("valid").asBoolean()) {
                return "chain broken: " + verify;
            }
            if (verify.path("records_checked").asLong() != records) {
                return "chain covers " + verify.path("records_checked").asLong() + " of " + records + " records";
            }
            return null;
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private Process start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar, "serve")
                .redirectErrorStream(true);
        builder.environment().put("ARBITER_PORT", "0");
        builder.environment().put("ARBITER_DATA_DIR", dataDir.toString());
        builder.environment().put("ARBITER_LOG_LEVEL", "WARN");
        return builder.start();
    }

    private static int awaitPort(Process process) throws Exception {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    } else if (!port.isDone()) {
                        System.out.println("  server: " + line);
                    }
                }
                port.completeExceptionally(new IOException("server exited before listening"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        return port.get(60, TimeUnit.SECONDS);
    }

    private String createWorkflow(String base, String name) throws Exception {
        HttpResponse<String> r = http.send(
                post(base + "/api/v1/workflows", "{\"workflow_name\":\"" + name + "\"}"),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IOException("create workflow: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("workflow_id").asText();
    }

    private int gate(String base, String workflowId, String step) throws IOException, InterruptedException {
        return http.send(
                        post(
                                base + "/api/v1/workflows/" + workflowId + "/steps/" + step + "/gate",
                                "{\"step_type\":\"llm_call\"}"),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private Set<String> auditedSteps(String base, String workflowId) throws Exception {
        Set<String> steps = new HashSet<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode entries = postJson(
                            base + "/api/v1/audit/search",
                            "{\"request_id\":\"" + workflowId
                                    + "\",\"request_type\":\"workflow_step_gate\",\"limit\":1000,\"offset\":" + offset
                                    + "}")
                    .path("entries");
            entries.forEach(e -> steps.add(e.path("metadata").path("step_id").asText()));
            if (entries.size() < 1000) {
                return steps;
            }
        }
    }

    private long total(String base) throws Exception {
        return postJson(base + "/api/v1/audit/search", "{\"limit\":1}")
                .path("total")
                .asLong();
    }

    private JsonNode get(String base, String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private JsonNode postJson(String url, String body) throws Exception {
        return JSON.readTree(
                http.send(post(url, body), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
