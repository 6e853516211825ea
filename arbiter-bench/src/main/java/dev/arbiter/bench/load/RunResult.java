package dev.arbiter.bench.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One open-loop run: target rate, achieved rate (answers of any status per second), successful rate (2xx/3xx
 * answers per second: what the goal "throughput" means), errors, the latency distribution in nanoseconds, and
 * when the slow requests were meant to be sent, and the share of the machine's CPU time the hypervisor stole
 * meanwhile ({@link HostCpu}; NaN where unknown).
 */
record RunResult(
        String name,
        int targetRate,
        double achievedRate,
        double successfulRate,
        long sent,
        long errors,
        Histogram latencies,
        Timeline timeline,
        double stealPercent) {

    double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    /** One human-readable line: name, rates, p50/p90/p99/p99.9/max in ms, errors. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "%-8s target=%5d/s achieved=%8.1f/s ok=%8.1f/s p50=%7.3fms p90=%7.3fms p99=%7.3fms p99.9=%7.3fms max=%8.3fms"
                        + " sent=%d errors=%d steal=%.1f%%",
                name,
                targetRate,
                achievedRate,
                successfulRate,
                percentileMillis(50),
                percentileMillis(90),
                percentileMillis(99),
                percentileMillis(99.9),
                latencies.getMaxValue() / 1e6,
                sent,
                errors,
                stealPercent);
    }

    /** The same figures as one JSON object, for machine comparison across runs. */
    String json() {
        return String.format(
                Locale.ROOT,
                "{\"name\":\"%s\",\"target_rate\":%d,\"achieved_rate\":%.1f,\"successful_rate\":%.1f,\"p50_ms\":%.3f,\"p90_ms\":%.3f,"
                        + "\"p99_ms\":%.3f,\"p999_ms\":%.3f,\"max_ms\":%.3f,\"sent\":%d,\"errors\":%d,\"steal_pct\":%s}",
                name,
                targetRate,
                achievedRate,
                successfulRate,
                percentileMillis(50),
                percentileMillis(90),
                percentileMillis(99),
                percentileMillis(99.9),
                latencies.getMaxValue() / 1e6,
                sent,
                errors,
                Double.isNaN(stealPercent) ? "null" : String.format(Locale.ROOT, "%.1f", stealPercent));
    }
}
