package dev.arbiter.server.http;

import dev.arbiter.store.Database;
import dev.arbiter.store.WriterPhase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The server's Prometheus metrics: gate latency (histogram), gate decisions by outcome, HTTP
 * requests by status, and the store's writer (writes waiting, commits, writes committed: their ratio is
 * the mean group-commit batch; time per phase: over wall time, how busy the writer thread is). Served at {@code GET /metrics}. Thread-safe.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer gateLatency = Timer.builder("arbiter.gate.latency")
            .description("Time to answer a step gate, from request to committed decision")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);

    /** Reports the writer of {@code database}: its queue and how many writes each commit carried. */
    public void watch(Database database) {
        Gauge.builder("arbiter.store.writes.waiting", database, Database::writerQueued)
                .description("Writes waiting for the store's writer thread")
                .register(registry);
        FunctionCounter.builder("arbiter.store.write.commits", database, Database::writerCommits)
                .description("Write transactions committed (a group-committed batch counts once)")
                .register(registry);
        FunctionCounter.builder("arbiter.store.writes.committed", database, Database::writerCommittedWrites)
                .description("Writes run in a committed transaction")
                .register(registry);
        for (WriterPhase phase : WriterPhase.values()) {
            FunctionCounter.builder("arbiter.store.writer.time", database, db -> db.writerSeconds(phase))
                    .description("Time the store's writer thread spent running writes, committing, or compacting")
                    .baseUnit("seconds")
                    .tag("phase", phase.name().toLowerCase(Locale.ROOT))
                    .register(registry);
            FunctionCounter.builder(
                            "arbiter.store.writer.slow.operations", database, db -> db.writerSlowOperations(phase))
                    .description("Operations of the store's writer thread that took 20 ms or longer; every write"
                            + " queued meanwhile waited for them")
                    .tag("phase", phase.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    /** Records one answered gate. */
    public void gate(String decision, long nanos) {
        gateLatency.record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("arbiter.gate.decisions")
                .description("Step gate decisions by outcome")
                .tag("decision", decision)
                .register(registry)
                .increment();
    }

    /** Records one HTTP request. */
    void request(String method, int status) {
        Counter.builder("arbiter.http.requests")
                .description("HTTP requests by method and status")
                .tag("method", method)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    /** The Prometheus text exposition of every meter. */
    String scrape() {
        return registry.scrape();
    }
}
