package dev.arbiter.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.DatabaseConfig;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.wire.policy.SimulationReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The simulator reads recorded gates page by page: a window longer than a page is replayed whole, and the limit
 * cuts it at exactly the right record, including records that share a timestamp.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySimulatorIT {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Principal CALLER = new Principal("sim", "it", Principal.Method.COMMUNITY, null);

    private Database database;
    private PolicySimulator simulator;

    @BeforeAll
    void record() {
        Clock clock = Clock.fixed(T0.plus(Duration.ofMinutes(30)), ZoneOffset.UTC);
        database = Database.open(DatabaseConfig.inMemory("simulator-" + UUID.randomUUID()), clock);
        PolicySets sets = new PolicySets();
        simulator = new PolicySimulator(database, sets, clock, 7);
        database.inTransaction(tx -> {
            var policy = PolicyParser.parse(Map.of(
                            "name", "block-shell", "conditions", Map.of("tool_name", "shell"), "action", "block"))
                    .withId(UUID.randomUUID().toString());
            tx.managedPolicies(PolicyKind.DYNAMIC)
                    .insert(
                            "sim",
                            UUID.fromString(policy.id()),
                            new ManagedPolicies.Definition(
                                    policy.name(), PolicyDocuments.json(policy), true, 0, "enforce"),
                            new ManagedPolicies.Change("created", "it", null));
            for (int i = 0; i < 50; i++) {
                String tool = i % 2 == 0 ? "shell" : "git";
                PolicyContext context =
                        PolicyContext.builder().put("tool_name", tool).build();
                // Pairs of records share a timestamp, so pages must continue by (time, id), not by time alone.
                Instant at = T0.plusSeconds(i / 2);
                tx.gateRecords()
                        .append(GateRecording.of(
                                "sim",
                                "wf-" + (i % 5),
                                "s" + i,
                                "dec_" + i,
                                at,
                                tool.equals("shell") ? "block" : "allow",
                                sets.current(tx, "sim").set().evaluate(context),
                                sets.current(tx, "sim"),
                                BoundedContext.of(context.asMap(), GateRecording.MAX_CONTEXT_CHARS)));
            }
            return null;
        });
    }

    @AfterAll
    void close() {
        database.close();
    }

    private SimulationReport removeShellBlock(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("remove", List.of("block-shell")));
        body.putAll(extra);
        return simulator.simulate(CALLER, body);
    }

    @Test
    void windowLongerThanAPage_isReplayedWhole() {
        SimulationReport report = removeShellBlock(Map.of());

        assertThat(report.gatesReplayed()).isEqualTo(50);
        assertThat(report.limited()).isFalse();
        assertThat(report.decisionsChanged()).isEqualTo(25);
        assertThat(report.from()).isEqualTo(T0.minus(Duration.ofMinutes(30)));
    }

    @Test
    void limit_cutsAtExactlyThatManyRecords() {
        SimulationReport report = removeShellBlock(Map.of("limit", 20));

        assertThat(report.gatesReplayed()).isEqualTo(20);
        assertThat(report.limited()).isTrue();
        assertThat(report.decisionsChanged()).isEqualTo(10);
        assertThat(removeShellBlock(Map.of("limit", 50)).limited()).isFalse();
    }

    @Test
    void workflowsAndWindow_narrowTogether() {
        SimulationReport report = removeShellBlock(Map.of(
                "workflow_ids",
                List.of("wf-0"),
                "from",
                T0.toString(),
                "to",
                T0.plusSeconds(10).toString()));

        // wf-0 holds records 0, 5, 10, ...; those gated before T0+10s are 0, 5, 10 and 15 (at seconds 0..7).
        assertThat(report.gatesReplayed()).isEqualTo(4);
        assertThat(report.decisionsChanged()).isEqualTo(2);
        assertThat(report.baseline()).isEqualTo("current");
    }
}
