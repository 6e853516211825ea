package dev.arbiter.store;

import org.h2.mvstore.MVStore;

/**
 * Keeps an embedded H2 file from growing without bound. H2's background housekeeping, which rewrites sparse
 * chunks so that their space can be reused, must not run: it would write the store from another thread while
 * the writer changes the maps (docs/storage.md, torn writes). Each {@link #run} therefore rewrites sparse
 * chunks a little at a time ({@link MVStore#compact} with a 512 KiB budget), as the housekeeping would, and
 * the {@link GroupCommitWriter} runs it between batches every 100 ms. Before the redo journal every commit
 * wrote a chunk of its own, and compaction needed 2 MiB every 250 ms (stalling the writer 10 ms at the
 * median, 76 ms at most); with checkpoints every 250 ms the file fragments far less, and the smaller budget
 * stalls it 0.1 ms at the median, 6 ms at p99 (docs/benchmarks.md, B1 session 5). Slices this small had
 * once lost acknowledged commits under kill -9 without the journal; the journal now replays what a database
 * file comes back without. It reaches the MVStore through {@link H2Internals}. Not thread-safe: run by the
 * writer thread only.
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
