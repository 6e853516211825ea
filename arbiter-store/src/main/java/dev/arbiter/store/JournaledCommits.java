package dev.arbiter.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The redo journal as the {@link GroupCommitWriter} uses it on an embedded database: each batch is recorded
 * ({@link JournalRecorder}) and appended to the {@link Journal} before H2 commits it in memory, and H2 writes
 * its file only at checkpoints, every 250 ms, on the writer thread. A crash
 * between checkpoints loses nothing acknowledged: {@link JournalReplay} redoes the journal's later batches
 * when the database opens. See docs/storage.md, "Redo journal". Not thread-safe: the writer thread owns it
 * once {@link #open} returns.
 */
final class JournaledCommits implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournaledCommits.class.getName());
    /**
     * How long H2 keeps committed changes in memory only. The writer only takes each checkpoint's snapshot;
     * H2's own threads serialise and write it (session 6; before, a checkpoint stalled the writer ~10 ms at
     * the median every 250 ms under B1's 1,000 gates/s). H2 also stores by itself once its unsaved pages pass
     * 3/4 of its auto-commit memory (about 15 MB, reached within a second at that rate), so a longer interval
     * saves little; measured with 100 ms, 250 ms and 1 s (docs/benchmarks.md, B1 session 6).
     */
    static final long CHECKPOINT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /**
     * Journal segments are kept until this many later checkpoints cover them, so that a database file that
     * comes back from a crash missing its newest chunks (docs/storage.md) still finds every record it needs.
     */
    static final int CHECKPOINTS_KEPT = 20;
    /** A checkpoint also once this much journal has been written since the last one. */
    static final long CHECKPOINT_BYTES = 64L * 1024 * 1024;
    /** How often the syncer looks for background threads to lower ({@link BackgroundPriority}). */
    private static final long PRIORITY_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Journal journal;
    private final JournalRecorder recorder = new JournalRecorder();
    private final H2Internals h2;
    private long lastSeq;
    /** The positions of the last {@link #CHECKPOINTS_KEPT} checkpoints, oldest first. */
    private final ArrayDeque<Long> checkpoints = new ArrayDeque<>();

    private long lastCheckpoint = System.nanoTime();
    private long lastPriorityCheck = lastCheckpoint - PRIORITY_CHECK_NANOS;
    /** Used on the syncer thread only. */
    private final BackgroundPriority priority = BackgroundPriority.ofThisProcess();
    /** Forces the database file to disk after background checkpoints, off the writer thread. */
    private final ExecutorService syncer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("arbiter-checkpoint-sync").daemon().factory());

    private Map<String, Long> identityBases = Map.of();
    private boolean broken;

    private JournaledCommits(Journal journal, H2Internals h2, long position) {
        this.journal = journal;
        this.h2 = h2;
        this.lastSeq = position;
        this.checkpoints.add(position);
    }

    /**
     * Opens the journal in {@code dir} for the freshly migrated embedded database behind {@code dataSource},
     * replays what the database file lacks, writes the file, and from then on defers H2's writes.
     */
    static JournaledCommits open(DataSource dataSource, Path dir) {
        H2Internals h2 = H2Internals.of(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource);
        Journal journal = Journal.open(dir, databaseId(jdbi));
        try {
            long position = JournalReplay.run(jdbi, journal, h2);
            h2.checkpoint();
            journal.startSegment(position + 1);
            journal.dropAllButCurrent();
            h2.deferWrites();
            return new JournaledCommits(journal, h2, position);
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    /**
     * The database file's identity, created on its first open with the journal. H2 still writes every commit
     * to the file at this point, so the identity is on disk before any journal record names it.
     */
    private static String databaseId(Jdbi jdbi) {
        return jdbi.inTransaction(h -> {
            String id = h.createQuery("SELECT database_id FROM journal_position WHERE id = 1")
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null);
            if (id == null) {
                id = UUID.randomUUID().toString();
                h.execute("UPDATE journal_position SET database_id = ? WHERE id = 1", id);
            }
            return id;
        });
    }

    /** H2's file compaction, run by the writer between batches. */
    Runnable compactor() {
        return new H2Compactor(h2);
    }

    /** {@code connection}, recording what the writer does with it. */
    Connection wrap(Connection connection) {
        return recorder.wrap(connection);
    }

    /** A batch's transaction has begun on the writer's connection. */
    void begun() {
        recorder.begin();
        identityBases = h2.identityBases();
    }

    /**
     * Commits the batch on {@code handle}: stamps its seq into the database, appends it to the journal, and
     * only then commits in H2. If either fails, the record is taken back, so that a restart never applies a
     * batch that did not commit, and the failure propagates (the batch must be rolled back).
     */
    void commit(Handle handle) {
        if (broken) {
            throw new StoreException("the journal is unusable after a failed write; restart the server");
        }
        long seq = lastSeq + 1;
        try (Positional stamp = Positional.prepare(handle, "UPDATE journal_position SET seq = ? WHERE id = 1")) {
            stamp.longInteger(seq).update(); // once per batch: bound by position (Positional)
        }
        JournalRecord record = new JournalRecord(seq, identityBases, recorder.ops());
        long size = journal.size();
        try {
            journal.append(record);
            handle.commit();
        } catch (RuntimeException | Error e) {
            takeBack(size);
            throw e;
        }
        lastSeq = seq;
    }

    private void takeBack(long size) {
        try {
            journal.undo(size);
        } catch (RuntimeException e) {
            // A record that may be replayed although its batch never committed: stop writing rather than
            // let a restart apply it.
            broken = true;
            LOG.log(System.Logger.Level.ERROR, "journal record could not be taken back; refusing further writes", e);
        }
    }

    /** True when the database file should be brought up to date now. */
    boolean checkpointDue() {
        boolean due = System.nanoTime() - lastCheckpoint >= CHECKPOINT_INTERVAL_NANOS
                || journal.appendedSinceCheckpoint() >= CHECKPOINT_BYTES;
        // Writes of another process (the CLI through the TCP port) reach H2 without a journal record.
        return due && (lastSeq > checkpoints.getLast() || h2.hasUnsavedChanges());
    }

    /**
     * Starts writing the database file up to the last committed batch (H2's threads finish the write while
     * the writer goes on, {@link H2Internals#checkpointInBackground}) and drops the journal that the
     * checkpoints kept no longer need. The journal outlives a checkpoint by {@link #CHECKPOINTS_KEPT} more,
     * far longer than H2 takes to write and force one, so a record is never dropped before its batch is in
     * the file.
     */
    void checkpoint() {
        if (!h2.checkpointInBackground(syncer)) {
            return;
        }
        syncer.execute(recordCheckpoint());
        if (lastCheckpoint - lastPriorityCheck >= PRIORITY_CHECK_NANOS) {
            lastPriorityCheck = lastCheckpoint;
            syncer.execute(priority::lowerNewThreads);
        }
    }

    /** Starts the journal's next segment; returns the file work left, which {@link Journal#checkpointed} names. */
    private Runnable recordCheckpoint() {
        checkpoints.addLast(lastSeq);
        if (checkpoints.size() > CHECKPOINTS_KEPT) {
            checkpoints.removeFirst();
        }
        Runnable fileWork = journal.checkpointed(lastSeq, checkpoints.getFirst());
        lastCheckpoint = System.nanoTime();
        return fileWork;
    }

    /** The seq of the last committed batch. */
    long lastSeq() {
        return lastSeq;
    }

    /** Checkpoints and closes the journal; H2 writes every commit again from now on. */
    @Override
    public void close() {
        try {
            if (!broken) {
                h2.checkpoint();
                recordCheckpoint().run();
            }
            h2.writeEveryCommit();
        } finally {
            syncer.shutdown();
            journal.close();
        }
    }

    @Override
    public String toString() {
        return "journal at batch " + lastSeq + " (checkpoints kept at " + checkpoints + ")";
    }
}
