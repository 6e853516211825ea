package dev.arbiter.server.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's Prometheus metrics: gate latency (histogram), gate decisions by outcome, HTTP
 * requests by status. Served at {@code GET /metrics}. Thread-safe.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer gateLatency = Timer.builder("arbiter.gate.latency")
            .description("Time to answer a step gate, from request to committed decision")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);

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
