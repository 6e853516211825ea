package dev.arbiter.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the store's share of workflow creation and fresh gates (five per workflow), single stream; a gate: lock the workflow, look up the step, read
 * the workflow totals, insert the step, update the workflow, append the audit record, commit. Not a
 * test; run by hand: {@code java -cp <test classpath> dev.arbiter.store.GateTransactionProbe [h2|postgres] [n]}.
 */
final class GateTransactionProbe {
    private GateTransactionProbe() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        Path dir = Files.createTempDirectory("arbiter-gate-probe");
        DatabaseConfig config =
                which.equals("postgres") ? EmbeddedPostgresSupport.newDatabase() : DatabaseConfig.embedded(dir);
        try (Database db = Database.open(config, Clock.systemUTC())) {
            System.out.println(db.durability());
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                String wf = "";
                for (int i = 0; i < n; i++) {
                    // Five gates per workflow: the store's cost at realistic workflow sizes.
                    if (i % 5 == 0) {
                        String id = Fixtures.workflowId();
                        db.inTransaction((Tx tx) -> {
                            tx.workflows().insert(Fixtures.workflow("probe", id, tx.now()));
                            return tx.audit()
                                    .appendNow(List.of(Fixtures.entry("probe", id, "workflow_created")))
                                    .getFirst();
                        });
                        wf = id;
                    }
                    gate(db, wf, "step-" + i);
                }
                double us = (System.nanoTime() - t0) / 1e3 / (n + n / 5.0);
                System.out.printf(
                        "round %d: %d gates + %d creates, %.0f us per transaction, %.0f transactions/s%n",
                        round, n, n / 5, us, 1e6 / us);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void gate(Database db, String wf, String step) {
        db.inTransaction((Tx tx) -> {
            WorkflowRecord w = tx.workflows().lockForUpdate("probe", wf).orElseThrow();
            tx.steps().find("probe", wf, step);
            tx.steps().totals("probe", wf);
            int index = w.currentStepIndex() + 1;
            tx.steps().insert(Fixtures.step("probe", wf, step, index, tx.now()));
            tx.workflows().update(w.withStepIndex(index, tx.now()));
            return tx.audit()
                    .appendNow(List.of(Fixtures.entry("probe", wf, "workflow_step_gate")))
                    .getFirst();
        });
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
