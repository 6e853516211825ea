package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parallel gates and appends: dense unique step indices, one audit record per operation, a valid chain. */
abstract class ConcurrencyContract implements StoreContract {

    @Test
    void parallelGates_onOneWorkflow_getDenseUniqueIndices() throws Exception {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, tx.now()));
            return tx.audit()
                    .appendNow(List.of(Fixtures.entry(tenant, wf, "workflow_created")))
                    .getFirst();
        });
        List<Integer> indices = runInParallel(50, i -> gate(tenant, wf, "step-" + i));

        assertThat(indices)
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.rangeClosed(1, 50).boxed().toList());
        db().inTransaction((Tx tx) -> {
            assertThat(tx.steps().list(tenant, wf))
                    .extracting(StepRecord::stepIndex)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 50).boxed().toList());
            assertThat(tx.workflows().find(tenant, wf).orElseThrow().currentStepIndex())
                    .isEqualTo(50);
            AuditQuery gates = new AuditQuery(tenant, null, null, "workflow_step_gate", wf, null, null, 1000, 0);
            assertThat(tx.audit().search(gates).total()).isEqualTo(50);
            assertThat(tx.audit().verify(tenant))
                    .isEqualTo(new ChainVerification.Intact(
                            tenant,
                            51,
                            tx.audit()
                                    .search(AuditQuery.of(tenant))
                                    .items()
                                    .getFirst()
                                    .hash()));
            return null;
        });
    }

    @Test
    void parallelGates_acrossWorkflows_keepEachWorkflowDense() throws Exception {
        String tenant = Fixtures.tenant();
        List<String> workflows =
                IntStream.range(0, 10).mapToObj(i -> Fixtures.workflowId()).toList();
        db().inTransaction((Tx tx) -> {
            workflows.forEach(wf -> tx.workflows().insert(Fixtures.workflow(tenant, wf, tx.now())));
            return null;
        });
        runInParallel(50, i -> gate(tenant, workflows.get(i % 10), "s-" + i));
        db().inTransaction((Tx tx) -> {
            for (String wf : workflows) {
                assertThat(tx.steps().list(tenant, wf))
                        .extracting(StepRecord::stepIndex)
                        .containsExactly(1, 2, 3, 4, 5);
            }
            assertThat(tx.audit().verify(tenant))
                    .isInstanceOfSatisfying(
                            ChainVerification.Intact.class,
                            v -> assertThat(v.records()).isEqualTo(50));
            return null;
        });
    }

    @Test
    void parallelAppends_toAFreshTenant_formOneValidChain() throws Exception {
        String tenant = Fixtures.tenant();
        runInParallel(32, i -> {
            for (int k = 0; k < 5; k++) {
                db().inTransaction((Tx tx) -> {
                    tx.audit().append(Fixtures.entry(tenant, "req-" + i, "llm_chat"));
                    return null;
                });
            }
            return i;
        });
        db().inTransaction((Tx tx) -> {
            ChainVerification v = tx.audit().verify(tenant);
            assertThat(v)
                    .isInstanceOfSatisfying(
                            ChainVerification.Intact.class,
                            ok -> assertThat(ok.records()).isEqualTo(160));
            return null;
        });
    }

    /**
     * One fresh gate the way the server does it: lock, take the next index, write step, workflow, audit.
     * Every other gate runs as another replica would, so both the writer's batches and row locks between
     * processes are exercised.
     */
    private int gate(String tenant, String wf, String stepId) {
        TransactionWork<Integer, RuntimeException> work = (Tx tx) -> {
            WorkflowRecord w = tx.workflows().lockForUpdate(tenant, wf).orElseThrow();
            int index = w.currentStepIndex() + 1;
            tx.steps().insert(Fixtures.step(tenant, wf, stepId, index, tx.now()));
            tx.workflows().update(w.withStepIndex(index, tx.now()));
            tx.audit().append(Fixtures.entry(tenant, wf, "workflow_step_gate"));
            return index;
        };
        return Math.floorMod(stepId.hashCode(), 2) == 0 ? db().inTransaction(work) : inOtherReplica(work);
    }

    private static <T> List<T> runInParallel(int n, IntFunctionWithException<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                int id = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.apply(id);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        }
    }

    @FunctionalInterface
    private interface IntFunctionWithException<T> {
        T apply(int i) throws Exception;
    }
}
