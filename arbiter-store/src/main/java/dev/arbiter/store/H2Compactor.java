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
 * session 6, docs/benchmarks.md). It reaches the MVStore through {@link H2Internals}. Not thread-safe: run
 * by the writer thread only.
 */
final class H2Compactor implements Runnable {
    private static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_BUDGET = 512 * 1024;

    private final H2Internals h2;

    H2Compactor(H2Internals h2) {
        this.h2 = h2;
    }

    @Override
    public void run() {
        h2.compact(TARGET_FILL_RATE, WRITE_BUDGET);
    }
}
