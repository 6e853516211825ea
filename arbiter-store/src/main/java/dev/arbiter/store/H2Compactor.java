package dev.arbiter.store;

import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file from growing without bound. H2's background housekeeping, which rewrites sparse
 * chunks so that their space can be reused, must not run: it would store the file by itself, from its own
 * thread (docs/storage.md, torn writes). Each {@link #run} therefore rewrites sparse chunks a little at a
 * time ({@link MVStore#compact} with a 512 KiB budget: it marks their live pages changed, and the next store
 * writes them into a new chunk), as the housekeeping would. The {@link GroupCommitWriter} runs it when idle
 * and otherwise just before each checkpoint (every 250 ms). Compaction takes H2's serialisation lock, so it
 * waits for a store being written: run every 100 ms it often met the checkpoint's own write, and with a
 * 1 MiB budget it stalled the writer up to 59 ms; 512 KiB before each checkpoint, at most 22 ms (B1
 * session 6, docs/benchmarks.md). Even then it often waited 20-50 ms for the previous checkpoint's chunk,
 * which H2's serialisation thread writes under that lock while competing for the CPU: so a run is skipped
 * while that lock is held, up to {@link #MAX_SKIPPED} runs in a row, after which it waits once so that the
 * file is still compacted under any load (B1 session 7). It reaches the MVStore through {@link H2Internals}.
 * Not thread-safe: run by the writer thread only.
 */
final class H2Compactor implements Runnable {
    private static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_BUDGET = 512 * 1024;
    /** Runs skipped in a row, at most, because a chunk was being serialised: 2 s at one run per checkpoint. */
    static final int MAX_SKIPPED = 8;

    private final H2Internals h2;
    private int skipped;

    H2Compactor(H2Internals h2) {
        this.h2 = h2;
    }

    @Override
    public void run() {
        if (h2.isSerialising() && skipped < MAX_SKIPPED) {
            skipped++;
            return;
        }
        skipped = 0;
        h2.compact(TARGET_FILL_RATE, WRITE_BUDGET);
    }
}
