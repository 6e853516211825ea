package dev.arbiter.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Measures durable audit appends per second and commit latency (benchmarks.md B3, store level): 1, 4, 16
 * and 64 producers, each running one-append transactions, on one tenant (every append contends for the
 * chain head) and on one tenant per producer; then 100-record batches. Not a test; run by hand:
 * {@code java -cp <test classpath> dev.arbiter.store.AuditThroughputProbe [h2|postgres] [seconds]}.
 */
final class AuditThroughputProbe {
    private AuditThroughputProbe() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "h2";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("arbiter-probe");
        DatabaseConfig config = which.equals("postgres")
                ? EmbeddedPostgresSupport.newDatabase().withMaxPoolSize(64)
                : DatabaseConfig.embedded(dir).withMaxPoolSize(64);
        try (Database db = Database.open(config, Clock.systemUTC())) {
            System.out.println(db.durability());
            for (boolean shared : new boolean[] {true, false}) {
                for (int producers : new int[] {1, 4, 16, 64}) {
                    run(db, producers, seconds, shared, 1);
                }
            }
            run(db, 1, seconds, true, 100);
            run(db, 4, seconds, false, 100);
            System.out.println(
                    db.inTransaction((Tx tx) -> tx.audit().verifyAll()).stream().allMatch(ChainVerification::ok)
                            ? "all chains verify"
                            : "CHAIN BROKEN");
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void run(Database db, int producers, int seconds, boolean sharedTenant, int batch) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        String run = Long.toString(System.nanoTime(), 36);
        List<Future<long[]>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int p = 0; p < producers; p++) {
                String tenant = sharedTenant ? "probe-" + run : "probe-" + run + "-" + p;
                futures.add(pool.submit(() -> produce(db, tenant, batch, stop)));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            List<Long> latencies = new ArrayList<>();
            long events = 0;
            for (Future<long[]> f : futures) {
                long[] lat = f.get();
                events += (long) lat.length * batch;
                Arrays.stream(lat).forEach(latencies::add);
            }
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    "producers=%2d tenant=%-10s batch=%3d  events/s=%7.0f  commit p50=%6.2f ms p99=%6.2f ms%n",
                    producers,
                    sharedTenant ? "shared" : "per-producer",
                    batch,
                    events / (double) seconds,
                    pct(sorted, 0.50),
                    pct(sorted, 0.99));
        }
    }

    private static long[] produce(Database db, String tenant, int batch, AtomicBoolean stop) {
        List<Long> out = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            entries.add(Fixtures.entry(tenant, "wf_probe", "workflow_step_gate"));
        }
        while (!stop.get()) {
            long t0 = System.nanoTime();
            db.inTransaction((Tx tx) -> tx.audit().appendAll(entries));
            out.add(System.nanoTime() - t0);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))] / 1e6;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
