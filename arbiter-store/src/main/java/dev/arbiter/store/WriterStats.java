package dev.arbiter.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the {@link GroupCommitWriter} has done so far, for metrics: commits, the writes they held, the time
 * its thread spent in each {@link WriterPhase}, and how many single operations stalled it. Written by the
 * writer thread, read by any. Thread-safe.
 */
final class WriterStats {
    /**
     * An operation of the writer (a batch's statements, its commit, a checkpoint's snapshot, a compaction)
     * this long holds up every write queued behind it: under B1's 1,000 gates/s such stalls, with young
     * pauses, made most of the gate's p99 (docs/benchmarks.md, B1 session 6), so they are counted, and the
     * longest logged.
     */
    static final long SLOW_OPERATION_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** A stall this long is also logged, with its phase, so that it can be matched with latency spikes. */
    static final long LOGGED_STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final System.Logger LOG = System.getLogger(WriterStats.class.getName());

    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committedWrites = new AtomicLong();
    private final AtomicLongArray phaseNanos = new AtomicLongArray(WriterPhase.values().length);
    private final AtomicLongArray slowOperations = new AtomicLongArray(WriterPhase.values().length);

    /** One transaction committed, holding {@code writes} writes. */
    void committed(int writes) {
        commits.incrementAndGet();
        committedWrites.addAndGet(writes);
    }

    /** Adds the time since {@code since} (a {@link System#nanoTime} reading) to {@code phase}; returns now. */
    long addTime(WriterPhase phase, long since) {
        long now = System.nanoTime();
        phaseNanos.addAndGet(phase.ordinal(), now - since);
        if (now - since >= SLOW_OPERATION_NANOS) {
            slowOperations.incrementAndGet(phase.ordinal());
            if (now - since >= LOGGED_STALL_NANOS) {
                LOG.log(
                        System.Logger.Level.WARNING,
                        "store writer held {0} ms by one {1} operation",
                        TimeUnit.NANOSECONDS.toMillis(now - since),
                        phase.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return now;
    }

    /** Transactions committed so far (a batch counts once). */
    long commits() {
        return commits.get();
    }

    /** Writes run in a committed transaction so far (including those rolled back alone within one). */
    long committedWrites() {
        return committedWrites.get();
    }

    /** Time the writer thread has spent in {@code phase} so far, in nanoseconds. */
    long nanosIn(WriterPhase phase) {
        return phaseNanos.get(phase.ordinal());
    }

    /** How many single operations of {@code phase} took {@link #SLOW_OPERATION_NANOS} or longer so far. */
    long slowOperationsIn(WriterPhase phase) {
        return slowOperations.get(phase.ordinal());
    }
}
