package dev.arbiter.store;

import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file from growing without bound. H2's background housekeeping, which rewrites sparse
 * chunks so that their space can be reused, must not run: it would store the file by itself. Each
 * {@link #run} therefore rewrites sparse chunks a little at a time ({@link MVStore#compact} with a 1 MiB
 * budget: it marks their live pages changed, and the next store writes them into a new chunk), as the
 * housekeeping would. The {@link GroupCommitWriter} runs it when idle and otherwise just before each
 * checkpoint (every 250 ms): compaction takes H2's serialisation lock, so run right after a checkpoint it
 * waited for that checkpoint's write (session 6, docs/benchmarks.md; before, 512 KiB every 100 ms). Before
 * the redo journal every commit wrote a chunk of its own, and compaction needed 2 MiB every 250 ms
 * (stalling the writer 10 ms at the median, 76 ms at most). It reaches the MVStore through
 * {@link H2Internals}. Not thread-safe: run by the writer thread only.
 */
final class H2Compactor implements Runnable {
    private static final int TARGET_FILL_RATE = 80;
    private static final int WRITE_BUDGET = 1024 * 1024;

    private final H2Internals h2;

    H2Compactor(H2Internals h2) {
        this.h2 = h2;
    }

    @Override
    public void run() {
        h2.compact(TARGET_FILL_RATE, WRITE_BUDGET);
    }
}
