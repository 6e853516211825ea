package dev.arbiter.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latency by when a request was meant to be sent, in slices of 100 ms: the slowest request of each slice and
 * how many took over {@link #SLOW_NANOS}. A percentile says how many requests were slow; the timeline says
 * whether they came together (one stall: a checkpoint, a collection) or spread evenly (a server that is busy
 * all the time), which need different cures. Thread-safe.
 */
final class Timeline {
    static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicLongArray slowest;
    private final AtomicLongArray slow;
    /** When the run began, to line the slices up with the server's logs (a GC log, a flight recording). */
    private final Instant began;

    /** A timeline for a run of {@code duration} that began at {@code began}. */
    Timeline(Duration duration, Instant began) {
        this.began = began;
        int slices = (int) (duration.toNanos() / SLICE_NANOS) + 1;
        slowest = new AtomicLongArray(slices);
        slow = new AtomicLongArray(slices);
    }

    void record(long sentAfterNanos, long latencyNanos) {
        int slice = (int) Math.min(slowest.length() - 1, Math.max(0, sentAfterNanos / SLICE_NANOS));
        slowest.accumulateAndGet(slice, latencyNanos, Math::max);
        if (latencyNanos > SLOW_NANOS) {
            slow.incrementAndGet(slice);
        }
    }

    /** One line per slice with a slow request: its start (s), slowest latency (ms) and count of slow ones. */
    String slowSlices() {
        StringBuilder out = new StringBuilder("# run began " + began + "\nstart_s slowest_ms over_10ms\n");
        for (int i = 0; i < slowest.length(); i++) {
            if (slow.get(i) > 0) {
                out.append(String.format(Locale.ROOT, "%.1f %.1f %d%n", i / 10.0, slowest.get(i) / 1e6, slow.get(i)));
            }
        }
        return out.toString();
    }
}
