package dev.arbiter.bench.audit;

import dev.arbiter.store.AuditEntry;
import dev.arbiter.store.ChainVerification;
import dev.arbiter.store.Database;
import dev.arbiter.store.DatabaseConfig;
import dev.arbiter.store.EmbeddedPostgresSupport;
import dev.arbiter.store.Tx;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Audit writer throughput (benchmarks.md B3): 1, 4, 16 and 64 producers, each writing one durable audit
 * record per transaction (what a gate does) and waiting for its commit, on one shared tenant (every append
 * contends for the tenant's chain head) and on one tenant per producer; the store's writer commits the
 * writes that wait together. Then one producer keeping 256 writes in flight ({@link Database#submit}), and
 * 100-record transactions. Reports events/s and commit latency percentiles (from submission to
 * acknowledged commit), and verifies every chain at the end.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.arbiter.bench.audit.AuditWriterBenchmark [h2|postgres] [seconds]}
 * ({@code postgres} starts an embedded PostgreSQL 18 with {@code synchronous_commit=on}).
 */
public final class AuditWriterBenchmark {
    private AuditWriterBenchmark() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "h2";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path h2Dir = which.equals("postgres") ? null : Files.createTempDirectory("arbiter-audit-bench");
        DatabaseConfig config = h2Dir == null
                ? EmbeddedPostgresSupport.newDatabase().withMaxPoolSize(64)
                : DatabaseConfig.embedded(h2Dir).withMaxPoolSize(64);
        try {
            measure(config, which, seconds);
        } finally {
            if (h2Dir != null) {
                deleteTree(h2Dir);
            }
        }
    }

    private static void measure(DatabaseConfig config, String which, int seconds) throws Exception {
        try (Database db = Database.open(config, Clock.systemUTC())) {
            System.out.println("database: " + which + ", " + db.durability() + ", " + seconds + " s per run");
            for (boolean shared : new boolean[] {true, false}) {
                for (int producers : new int[] {1, 4, 16, 64}) {
                    run(db, producers, seconds, shared, 1);
                }
            }
            pipelined(db, seconds, 256);
            run(db, 1, seconds, true, 100);
            run(db, 4, seconds, false, 100);
            boolean ok = db.read((Tx tx) -> tx.audit().verifyAll()).stream().allMatch(ChainVerification::ok);
            System.out.println(ok ? "all chains verify" : "CHAIN BROKEN");
        }
    }

    /** Removes the benchmark's H2 directory (hundreds of MB after a run), deepest entries first. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void run(Database db, int producers, int seconds, boolean sharedTenant, int batch) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        String run = Long.toString(System.nanoTime(), 36);
        List<Future<Histogram>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int p = 0; p < producers; p++) {
                String tenant = sharedTenant ? "bench-" + run : "bench-" + run + "-" + p;
                futures.add(pool.submit(() -> produce(db, tenant, batch, stop)));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            Histogram commits = new Histogram(3);
            for (Future<Histogram> f : futures) {
                commits.add(f.get());
            }
            System.out.println(String.format(
                    Locale.ROOT,
                    "producers=%2d tenant=%-12s batch=%3d events/s=%8.0f commit p50=%6.2f ms p99=%7.2f ms",
                    producers,
                    sharedTenant ? "shared" : "per-producer",
                    batch,
                    commits.getTotalCount() * batch / (double) seconds,
                    commits.getValueAtPercentile(50) / 1e6,
                    commits.getValueAtPercentile(99) / 1e6));
        }
    }

    private static Histogram produce(Database db, String tenant, int batch, AtomicBoolean stop) {
        Histogram commits = new Histogram(3);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            entries.add(entry(tenant));
        }
        while (!stop.get()) {
            long start = System.nanoTime();
            db.inTransaction((Tx tx) -> {
                entries.forEach(tx.audit()::append);
                return null;
            });
            commits.recordValue(System.nanoTime() - start);
        }
        return commits;
    }

    /** One producer that keeps {@code inFlight} single-record writes outstanding, as an audit pipeline would. */
    private static void pipelined(Database db, int seconds, int inFlight) throws Exception {
        String tenant = "bench-pipe-" + Long.toString(System.nanoTime(), 36);
        AuditEntry entry = entry(tenant);
        Semaphore window = new Semaphore(inFlight);
        Histogram commits = new Histogram(3);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long count = 0;
        while (System.nanoTime() < end) {
            window.acquire();
            long start = System.nanoTime();
            db.submit((Tx tx) -> {
                        tx.audit().append(entry);
                        return null;
                    })
                    .whenComplete((ok, failure) -> {
                        synchronized (commits) {
                            commits.recordValue(System.nanoTime() - start);
                        }
                        window.release();
                    });
            count++;
        }
        window.acquire(inFlight); // every write acknowledged
        System.out.println(String.format(
                Locale.ROOT,
                "producers= 1 tenant=%-12s batch=  1 events/s=%8.0f commit p50=%6.2f ms p99=%7.2f ms (%d in flight)",
                "shared",
                count / (double) seconds,
                commits.getValueAtPercentile(50) / 1e6,
                commits.getValueAtPercentile(99) / 1e6,
                inFlight));
    }

    /** A gate-sized record, as a workflow step gate writes it. */
    private static AuditEntry entry(String tenant) {
        return AuditEntry.builder(tenant, "wf_bench", "workflow_step_gate", "allowed")
                .clientId("cli_bench")
                .query("Workflow: code-review, Operation: workflow_step_gate")
                .decisionId("dec_wf_bench_step")
                .policiesEvaluatedJson("[{\"policy_id\":\"p1\",\"policy_name\":\"block gpt-4\"}]")
                .policiesMatchedJson("[]")
                .detailsJson("{\"workflow_id\":\"wf_bench\",\"step_id\":\"step-1\",\"decision\":\"allow\"}")
                .provider("openai")
                .model("gpt-4o")
                .tokensUsed(460L)
                .costUsd(new BigDecimal("0.0021"))
                .latencyMs(3L)
                .build();
    }
}
