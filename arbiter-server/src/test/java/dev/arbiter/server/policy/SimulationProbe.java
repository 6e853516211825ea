package dev.arbiter.server.policy;

import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.DatabaseConfig;
import dev.arbiter.store.EmbeddedPostgresSupport;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.wire.policy.SimulationReport;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measures what policy management adds to the hot path and what a simulation costs: appending gate records
 * (one per fresh gate, in the gate's transaction) and replaying them against a candidate. Not a test; run by
 * hand: {@code java -cp <test classpath> dev.arbiter.server.policy.SimulationProbe [h2|postgres] [records]}.
 */
final class SimulationProbe {
    private SimulationProbe() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        DatabaseConfig config = which.equals("postgres")
                ? EmbeddedPostgresSupport.newDatabase()
                : DatabaseConfig.embedded(Files.createTempDirectory("arbiter-simulation-probe"));
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(config, clock)) {
            System.out.println(db.durability());
            PolicySets sets = new PolicySets();
            db.inTransaction(tx -> {
                for (int p = 0; p < 20; p++) {
                    var policy = PolicyParser.parse(Map.of(
                                    "name",
                                    "block-tool-" + p,
                                    "conditions",
                                    Map.of("tool_name", "tool-" + p, "tool_input.query", Map.of("contains", "drop")),
                                    "action",
                                    "block"))
                            .withId(UUID.randomUUID().toString());
                    tx.managedPolicies(PolicyKind.DYNAMIC)
                            .insert(
                                    "probe",
                                    UUID.fromString(policy.id()),
                                    new ManagedPolicies.Definition(
                                            policy.name(), PolicyDocuments.json(policy), true, 0, "enforce"),
                                    new ManagedPolicies.Change("created", "probe", null));
                }
                return null;
            });
            String prompt = "Summarise the attached ticket for the on-call engineer. ".repeat(8);
            // Alternate rounds with and without the gate record, each in a transaction that also appends an audit
            // record (as a gate does), so the difference is what recording adds to a gate's transaction.
            for (int round = 0; round < 4; round++) {
                boolean record = round % 2 == 1;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    int k = round * n + i;
                    db.inTransaction(tx -> {
                        PolicyContext context = PolicyContext.builder()
                                .put("step_type", "tool_call")
                                .put("model", "gpt-4o")
                                .stepInput(Map.of("prompt", prompt, "ticket", "T-" + k))
                                .toolContext(
                                        "tool-" + (k % 40), "function", Map.of("query", k % 3 == 0 ? "drop x" : "y"))
                                .build();
                        PolicySets.Snapshot snapshot = sets.current(tx, "probe");
                        var decision = snapshot.set().evaluate(context);
                        if (record) {
                            tx.gateRecords()
                                    .append(GateRecording.of(
                                            "probe",
                                            "wf-" + (k / 5),
                                            "s" + k,
                                            "dec_" + k,
                                            clock.instant(),
                                            "allow",
                                            decision,
                                            snapshot,
                                            BoundedContext.of(context.asMap(), GateRecording.MAX_CONTEXT_CHARS)));
                        }
                        tx.audit()
                                .append(dev.arbiter.store.AuditEntry.builder("probe", "wf-" + k, "probe", "allowed")
                                        .build());
                        return null;
                    });
                }
                double us = (System.nanoTime() - t0) / 1e3 / n;
                System.out.printf(
                        "round %d: %d gate-like transactions %s the gate record: %.0f us each%n",
                        round, n, record ? "with" : "without", us);
            }
            PolicySimulator simulator = new PolicySimulator(db, sets, clock);
            Principal caller = new Principal("probe", "probe", Principal.Method.COMMUNITY, null);
            for (int round = 0; round < 3; round++) {
                long s0 = System.nanoTime();
                SimulationReport report = simulator.simulate(
                        caller,
                        Map.of(
                                "remove", List.of("block-tool-0"),
                                "policies",
                                        List.of(Map.of(
                                                "name",
                                                "block-tool-39",
                                                "conditions",
                                                Map.of("tool_name", "tool-39"),
                                                "action",
                                                "block")),
                                "limit", 100_000));
                double ms = (System.nanoTime() - s0) / 1e6;
                System.out.printf(
                        "round %d: replayed %d gates in %.0f ms (%.0f gates/s), %d decisions changed%n",
                        round,
                        report.gatesReplayed(),
                        ms,
                        report.gatesReplayed() / (ms / 1000),
                        report.decisionsChanged());
            }
        }
    }
}
