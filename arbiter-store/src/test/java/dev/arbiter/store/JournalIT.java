package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's redo journal (docs/storage.md, "Redo journal"): what was acknowledged survives a
 * kill -9 with the ids it was acknowledged with, and a journal that lacks batches the database needs stops
 * the start instead of losing them.
 */
class JournalIT {
    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWrites_surviveKill9_withTheIdsTheyWereGiven() throws Exception {
        for (int round = 0; round < 3; round++) {
            Map<String, Long> acked = runChildAndKill(400 + 300 * round);
            try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
                Map<String, Long> stored = new LinkedHashMap<>();
                db.jdbi()
                        .useHandle(h -> h.createQuery(
                                        "SELECT workflow_id, id FROM gate_records WHERE tenant_id = 'journal'")
                                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                                .forEach(e -> stored.put(e.getKey(), e.getValue())));
                acked.forEach((workflow, recordId) -> assertThat(stored.get(workflow))
                        .as("gate record of acknowledged %s", workflow)
                        .isEqualTo(recordId));
                assertThat(stored.keySet()).noneMatch(w -> w.endsWith("_failed"));
                db.inTransaction((Tx tx) -> {
                    for (String workflow : acked.keySet()) {
                        assertThat(tx.workflows().find("journal", workflow))
                                .as(workflow)
                                .isPresent();
                    }
                    assertThat(tx.audit().verify("journal")).isInstanceOf(ChainVerification.Intact.class);
                    return null;
                });
            }
        }
    }

    @Test
    void aJournalThatLacksBatchesTheDatabaseNeeds_stopsTheStart() throws Exception {
        runChildAndKill(300);
        // A record far beyond the last one: the batches between are missing.
        String databaseId;
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            databaseId = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT database_id FROM journal_position")
                            .mapTo(String.class)
                            .one());
        }
        try (Journal journal = Journal.open(dataDir.resolve("journal"), databaseId)) {
            journal.startSegment(2_000_000_000L);
            journal.append(new JournalRecord(2_000_000_000L, Map.of(), List.of()));
        }
        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("the journal lacks batch");
    }

    @Test
    void theJournalOfADeletedDatabaseFile_isNotReplayedIntoANewOne() throws Exception {
        Map<String, Long> acked = runChildAndKill(200);
        Files.delete(dataDir.resolve("arbiter.mv.db")); // a reset that left the journal directory behind
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            db.inTransaction((Tx tx) -> {
                for (String workflow : acked.keySet()) {
                    assertThat(tx.workflows().find("journal", workflow))
                            .as(workflow)
                            .isEmpty();
                }
                return null;
            });
        }
    }

    private Map<String, Long> runChildAndKill(int acks) throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalChild.class.getName(),
                        dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, Long> acked = new LinkedHashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            while (acked.size() < acks) {
                String line = out.readLine();
                assertThat(line).as("child output").isNotNull().startsWith("ack ");
                String[] parts = line.split(" ");
                acked.put(parts[1], Long.parseLong(parts[2]));
            }
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    String[] parts = line.split(" ");
                    acked.put(parts[1], Long.parseLong(parts[2]));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        return acked;
    }
}
