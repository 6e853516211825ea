package dev.arbiter.store;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jspecify.annotations.Nullable;

/**
 * Runs every write transaction of the process on one thread, and commits the transactions that are waiting
 * together: a batch is one database transaction in which each piece of work runs inside its own savepoint,
 * so one that fails is rolled back alone while the others commit. Callers are answered only after the
 * batch's commit.
 *
 * <p>Why one writer. Throughput: a commit costs a chunk write on H2 (about 25 KB with {@code WRITE_DELAY=0})
 * and a WAL flush on PostgreSQL whatever it contains, so under load N waiting writes cost one commit instead
 * of N, and a tenant's audit chain head is locked once per batch instead of once per write. Crash safety on
 * H2: an MVStore write snapshots its maps one after another, so a write that runs while another thread is
 * changing several maps can persist half of that change (H2 issue #2080); killed at that moment, the
 * database recovers with, say, an audit record but not its chain head. With every change made on this
 * thread, and H2's housekeeping ({@link #idleTask}) run here between batches, no map changes while a commit
 * writes. Writes of other processes (another replica, the CLI through H2's mixed mode) are not covered and
 * are serialised by row locks as before.
 *
 * <p>On the embedded database the writer also keeps the redo journal ({@link JournaledCommits}): a batch is
 * appended to it before it commits, and H2's file is written at checkpoints between batches instead of at
 * every commit. The time the thread spends per {@link WriterPhase} is counted for the metrics.
 *
 * <p>Work must not start another transaction of this database (it would wait for itself); that is refused
 * with an {@link IllegalStateException}. Thread-safe.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GroupCommitWriter.class.getName());
    /** Bounds a batch so that one commit's latency stays short even with a long queue. */
    static final int MAX_BATCH = 256;
    /**
     * Writes allowed to wait; beyond it a write is refused at once ({@link StoreOverloadedException}). Measured
     * on one core (docs/benchmarks.md, B1): with 4,096 a backlog built while the JIT warms up drains without a
     * refusal at 500 and 1,000 gates/s, while an overload makes the accepted writes wait up to ~13 s; with 1,024
     * the overload waits ~2 s but the same warm-up backlog was refused in part at 500/s. Refusing requests the
     * server can serve is the worse failure, so the bound is the larger one.
     */
    static final int MAX_WAITING = 4096;

    private static final int MAX_ATTEMPTS = 3;
    /** How often the writer runs the housekeeping task (H2 compaction) while idle; under load, before each checkpoint. */
    private static final long IDLE_PERIOD_MS = 100;

    private final Jdbi jdbi;
    private final Clock clock;
    private final Ids ids;
    private final Dialect dialect;
    private final RowLocks rowLocks;
    private final @Nullable Runnable idleTask;
    private final @Nullable JournaledCommits journal;
    private final BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private final WriterStats stats = new WriterStats();
    private long lastIdleTask = System.nanoTime();

    /**
     * A writer over {@code jdbi}; with a {@code journal}, {@code jdbi}'s connections must be wrapped by it, and
     * the writer appends each batch to it before committing and checkpoints H2 every 250 ms.
     */
    GroupCommitWriter(
            Jdbi jdbi,
            Clock clock,
            Ids ids,
            Dialect dialect,
            RowLocks rowLocks,
            @Nullable Runnable idleTask,
            @Nullable JournaledCommits journal) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.ids = ids;
        this.dialect = dialect;
        this.rowLocks = rowLocks;
        this.idleTask = idleTask;
        this.journal = journal;
        this.thread = Thread.ofPlatform().name("arbiter-writer").daemon().start(this::run);
    }

    /** Queues {@code work}; the future completes after the commit of the batch it ran in. */
    <T> CompletableFuture<T> submit(TransactionWork<T, ?> work) {
        Objects.requireNonNull(work, "work");
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a transaction cannot start another transaction of the same database");
        }
        Job<T> job = new Job<>(work, new CompletableFuture<>());
        if (isFull()) {
            job.result.completeExceptionally(new StoreOverloadedException(queued()));
            return job.result;
        }
        if (closing) {
            job.result.completeExceptionally(new StoreException("the database is closed"));
            return job.result;
        }
        queue.add(job);
        if (closing && !thread.isAlive() && queue.remove(job)) {
            job.result.completeExceptionally(new StoreException("the database is closed"));
        }
        return job.result;
    }

    /** What the writer has done so far, for metrics. */
    WriterStats stats() {
        return stats;
    }

    /** True while a new write would be refused for the length of the queue. */
    boolean isFull() {
        return queue.size() >= MAX_WAITING;
    }

    /** Writes waiting for the writer now (metrics, tests). */
    int queued() {
        return queue.size();
    }

    /** True on the writer thread, where another transaction of this database must not be started. */
    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Job<?> first;
            try {
                first = queue.poll(IDLE_PERIOD_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Never interrupted by us; treat as a request to stop after draining.
                closing = true;
                first = queue.poll();
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                runIdleTask();
                checkpointIfDue();
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            runBatch(batch);
            batch.clear();
            checkpointIfDue();
        }
    }

    /**
     * Checkpoints if one is due, compacting first: under sustained load the queue is never empty for a whole
     * idle period, so this is when the compactor runs. Before the checkpoint, not after: compaction waits for
     * H2's serialisation lock, which the checkpoint's own write holds for a while after it starts.
     */
    private void checkpointIfDue() {
        if (journal != null && journal.checkpointDue()) {
            if (System.nanoTime() - lastIdleTask >= TimeUnit.MILLISECONDS.toNanos(IDLE_PERIOD_MS)) {
                runIdleTask();
            }
            // On failure the journal still holds every batch since the last good checkpoint; the next retries.
            runTimed(WriterPhase.CHECKPOINT, journal::checkpoint, "database checkpoint");
        }
    }

    private void runIdleTask() {
        lastIdleTask = System.nanoTime();
        if (idleTask != null) {
            runTimed(WriterPhase.HOUSEKEEPING, idleTask, "database housekeeping");
        }
    }

    /** Runs {@code task} between batches, counting its time; a failure is logged and does not stop the writer. */
    private void runTimed(WriterPhase phase, Runnable task, String what) {
        long started = System.nanoTime();
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} failed: {1}", what, e.toString());
        } finally {
            stats.addTime(phase, started);
        }
    }

    private void runBatch(List<Job<?>> batch) {
        if (batch.size() > 1 && runTogether(batch)) {
            return;
        }
        // One job, or a batch that met a deadlock with another process: one transaction each, so that no
        // job waits while holding locks taken for the jobs before it.
        for (Job<?> job : batch) {
            runAlone(job);
        }
    }

    /**
     * Runs the jobs in one transaction, each in a savepoint, and commits; returns false, with everything
     * rolled back and no job answered, if the database reported a deadlock or serialization failure.
     */
    private boolean runTogether(List<Job<?>> batch) {
        Outcome[] outcomes = new Outcome[batch.size()];
        try (Handle handle = jdbi.open()) {
            long started = System.nanoTime();
            begin(handle);
            try {
                List<AuditEntry> audit = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    outcomes[i] = runInSavepoint(handle, batch.get(i), "w" + i, audit);
                }
                new Tx(handle, clock, ids, dialect, rowLocks).audit().appendInTenantOrder(audit);
                long committing = stats.addTime(WriterPhase.WORK, started);
                commit(handle);
                stats.addTime(WriterPhase.COMMIT, committing);
                stats.committed(batch.size());
            } catch (RuntimeException e) {
                rollbackQuietly(handle);
                throw e;
            }
        } catch (JdbiException e) {
            SQLException sql = SqlErrors.cause(e);
            if (SqlErrors.isRetryable(sql)) {
                return false;
            }
            failAll(batch, SqlErrors.translate(e, sql));
            return true;
        } catch (RuntimeException | Error e) {
            failAll(batch, e);
            return true;
        }
        for (int i = 0; i < batch.size(); i++) {
            outcomes[i].deliver(batch.get(i));
        }
        return true;
    }

    /** Runs one job in a savepoint; its audit entries join the batch's only if it succeeds. */
    private Outcome runInSavepoint(Handle handle, Job<?> job, String savepoint, List<AuditEntry> audit) {
        handle.savepoint(savepoint);
        Tx tx = new Tx(handle, clock, ids, dialect, rowLocks);
        try {
            Object value = job.work.run(tx);
            handle.releaseSavepoint(savepoint);
            audit.addAll(tx.audit().takePending());
            return Outcome.success(value);
        } catch (JdbiException e) {
            SQLException sql = SqlErrors.cause(e);
            if (SqlErrors.isRetryable(sql)) {
                throw e; // the batch is rolled back and its jobs rerun one by one
            }
            handle.rollbackToSavepoint(savepoint);
            return Outcome.failure(SqlErrors.translate(e, sql));
        } catch (Exception | Error e) {
            handle.rollbackToSavepoint(savepoint);
            return Outcome.failure(e);
        }
    }

    /** Runs one job in its own transaction, rerunning it after a deadlock or serialization failure. */
    private void runAlone(Job<?> job) {
        for (int attempt = 1; ; attempt++) {
            Outcome outcome;
            try (Handle handle = jdbi.open()) {
                long started = System.nanoTime();
                begin(handle);
                try {
                    Tx tx = new Tx(handle, clock, ids, dialect, rowLocks);
                    outcome = Outcome.success(job.work.run(tx));
                    tx.audit().writePending();
                    long committing = stats.addTime(WriterPhase.WORK, started);
                    commit(handle);
                    stats.addTime(WriterPhase.COMMIT, committing);
                    stats.committed(1);
                } catch (JdbiException e) {
                    rollbackQuietly(handle);
                    throw e;
                } catch (Exception | Error e) {
                    rollbackQuietly(handle);
                    outcome = Outcome.failure(e);
                }
            } catch (JdbiException e) {
                SQLException sql = SqlErrors.cause(e);
                if (attempt < MAX_ATTEMPTS && SqlErrors.isRetryable(sql)) {
                    continue;
                }
                outcome = Outcome.failure(SqlErrors.translate(e, sql));
            } catch (RuntimeException | Error e) {
                // Even an Error in one job must not stop the writer: every later write would hang.
                LOG.log(System.Logger.Level.ERROR, "write failed", e);
                outcome = Outcome.failure(e);
            }
            outcome.deliver(job);
            return;
        }
    }

    private void begin(Handle handle) {
        handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
        handle.begin();
        if (journal != null) {
            journal.begun();
        }
    }

    /** Commits, through the journal when there is one. */
    private void commit(Handle handle) {
        if (journal == null) {
            handle.commit();
        } else {
            journal.commit(handle);
        }
    }

    private static void failAll(List<Job<?>> batch, Throwable failure) {
        LOG.log(System.Logger.Level.WARNING, "write batch of {0} failed: {1}", batch.size(), failure.toString());
        batch.forEach(job -> job.result.completeExceptionally(failure));
    }

    private static void rollbackQuietly(Handle handle) {
        try {
            handle.rollback();
        } catch (RuntimeException suppressed) {
            // The connection is already broken; the original failure is what the callers get.
        }
    }

    /** Finishes the queued work, then stops the thread and closes the journal (a last checkpoint). */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Job<?> left;
        while ((left = queue.poll()) != null) {
            left.result.completeExceptionally(new StoreException("the database is closed"));
        }
        if (journal != null && !thread.isAlive()) {
            journal.close();
        }
    }

    private record Job<T>(TransactionWork<T, ?> work, CompletableFuture<T> result) {}

    /** What one piece of work produced, held until the batch has committed. */
    private record Outcome(@Nullable Object value, @Nullable Throwable failure) {
        static Outcome success(@Nullable Object value) {
            return new Outcome(value, null);
        }

        static Outcome failure(Throwable failure) {
            return new Outcome(null, failure);
        }

        @SuppressWarnings("unchecked")
        <T> void deliver(Job<T> job) {
            if (failure != null) {
                job.result.completeExceptionally(failure);
            } else {
                job.result.complete((T) value);
            }
        }
    }
}
