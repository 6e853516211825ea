package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The writer's group commit: waiting writes share one commit, and a failed one is rolled back alone. */
abstract class GroupCommitContract implements StoreContract {

    @Test
    void waitingWrites_shareOneCommit_andAFailedOneIsRolledBackAlone() throws Exception {
        String tenant = Fixtures.tenant();
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Boolean> blocker = holdWriter(release);
            long commitsBefore = db().writerCommits();
            List<Future<String>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                writes.add(pool.submit(() -> db().inTransaction((Tx tx) -> {
                    String wf = Fixtures.workflowId();
                    tx.workflows().insert(Fixtures.workflow(tenant, wf, tx.now()));
                    tx.audit().append(Fixtures.entry(tenant, wf, "workflow_created"));
                    if (n == 7) {
                        throw new IllegalStateException("refused " + wf);
                    }
                    return wf;
                })));
            }
            awaitQueued(20);
            release.countDown();
            blocker.get(30, TimeUnit.SECONDS);

            List<String> committed = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                if (i == 7) {
                    Future<String> failed = writes.get(i);
                    assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(IllegalStateException.class);
                } else {
                    committed.add(writes.get(i).get(30, TimeUnit.SECONDS));
                }
            }
            // The blocker's commit and one for the 20 queued writes.
            assertThat(db().writerCommits() - commitsBefore).isEqualTo(2);
            db().read((Tx tx) -> {
                assertThat(tx.workflows().list(WorkflowQuery.of(tenant)).items())
                        .extracting(WorkflowRecord::id)
                        .containsExactlyInAnyOrderElementsOf(committed);
                assertThat(tx.audit().search(AuditQuery.of(tenant)).total()).isEqualTo(19);
                assertThat(tx.audit().verify(tenant).ok()).isTrue();
                return null;
            });
        }
    }

    @Test
    void writesBeyondTheWaitingLimit_areRefusedAtOnce_andTheOthersCommit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> blocker = holdWriter(release);
        List<CompletableFuture<Integer>> accepted = new ArrayList<>();
        for (int i = 0; i < GroupCommitWriter.MAX_WAITING; i++) {
            accepted.add(db().submit((Tx tx) -> 1));
        }
        CompletableFuture<Integer> refused = db().submit((Tx tx) -> 1);
        assertThat(refused).isCompletedExceptionally();
        assertThatThrownBy(refused::join).hasCauseInstanceOf(StoreOverloadedException.class);
        release.countDown();
        assertThat(blocker.get(30, TimeUnit.SECONDS)).isTrue();
        for (CompletableFuture<Integer> write : accepted) {
            assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void aWriteCannotStartAnotherTransaction() {
        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> db().read((Tx inner) -> 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start another transaction");
    }

    @Test
    void aWriteThatHoldsTheWriter_countsAsASlowOperation() throws Exception {
        long slowBefore = db().writerSlowOperations(WriterPhase.WORK);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> blocker = holdWriter(release);
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(WriterStats.SLOW_OPERATION_NANOS) + 10);
        release.countDown();
        assertThat(blocker.get(30, TimeUnit.SECONDS)).isTrue();

        assertThat(db().writerSlowOperations(WriterPhase.WORK)).isGreaterThan(slowBefore);
    }

    /** Occupies the writer until {@code release} opens, so that the next writes queue up behind it. */
    private CompletableFuture<Boolean> holdWriter(CountDownLatch release) throws InterruptedException {
        CountDownLatch writerBusy = new CountDownLatch(1);
        CompletableFuture<Boolean> blocker = db().submit((Tx tx) -> {
            writerBusy.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(writerBusy.await(30, TimeUnit.SECONDS)).isTrue();
        return blocker;
    }

    private void awaitQueued(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db().writerQueued() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(db().writerQueued()).isEqualTo(n);
    }
}
