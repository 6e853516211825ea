package dev.arbiter.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Issue 3's two B1 goals for one rate, judged from the same run: the gate's p99 at most 2 × (the health
 * floor's p99 + one fsync of the disk, {@code dev.arbiter.bench.disk.FsyncFloor}), and the gate's successful
 * throughput at least half the floor's.
 */
record B1Goal(int rate, double gateP99Ms, double floorP99Ms, double fsyncMs, double gateOk, double floorOk) {

    /** The goal of every rate that has both a health and a gate run in {@code results}. */
    static List<B1Goal> of(List<RunResult> results, double fsyncMs) {
        return results.stream()
                .filter(r -> r.name().equals("gate"))
                .map(gate -> floor(results, gate.targetRate())
                        .map(health -> new B1Goal(
                                gate.targetRate(),
                                gate.percentileMillis(99),
                                health.percentileMillis(99),
                                fsyncMs,
                                gate.successfulRate(),
                                health.successfulRate())))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<RunResult> floor(List<RunResult> results, int rate) {
        return results.stream()
                .filter(r -> r.name().equals("health") && r.targetRate() == rate)
                .findFirst();
    }

    double latencyBoundMs() {
        return 2 * (floorP99Ms + fsyncMs);
    }

    boolean latencyMet() {
        return gateP99Ms <= latencyBoundMs();
    }

    boolean throughputMet() {
        return floorOk > 0 && gateOk >= 0.5 * floorOk;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "goal     target=%5d/s gate p99 %.2f ms vs 2 x (health p99 %.2f + fsync %.3f) = %.2f ms: %s;"
                        + " gate ok %.1f/s = %.0f %% of health's: %s",
                rate,
                gateP99Ms,
                floorP99Ms,
                fsyncMs,
                latencyBoundMs(),
                latencyMet() ? "met" : "NOT met",
                gateOk,
                floorOk > 0 ? 100 * gateOk / floorOk : 0,
                throughputMet() ? "met" : "NOT met");
    }
}
