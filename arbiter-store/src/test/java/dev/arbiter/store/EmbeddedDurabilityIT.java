package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database across processes and crashes: reopen, a second process, kill -9. */
class EmbeddedDurabilityIT {
    @TempDir
    Path dataDir;

    @Test
    void reopen_keepsData_andMigratesOnlyOnce() {
        MutableClock clock = MutableClock.standard();
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), clock)) {
            db.inTransaction((Tx tx) -> {
                tx.workflows().insert(Fixtures.workflow("t", "wf_keep", tx.now()));
                return tx.audit()
                        .appendNow(List.of(Fixtures.entry("t", "wf_keep", "workflow_created")))
                        .getFirst();
            });
        }
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), clock)) {
            assertThat(db.inTransaction((Tx tx) -> tx.workflows().find("t", "wf_keep")))
                    .isPresent();
            assertThat(db.inTransaction((Tx tx) -> tx.audit().verify("t")).ok()).isTrue();
            assertThat(db.durability()).contains("redo journal");
        }
    }

    @Test
    void interruptedWriters_leaveTheDatabaseUsable() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 3000; i++) {
                    try {
                        db.inTransaction((Tx tx) -> tx.audit()
                                .appendNow(List.of(Fixtures.entry("intr", "r", "llm_chat")))
                                .getFirst());
                    } catch (RuntimeException e) {
                        // An interrupted transaction may fail; the database must not.
                    }
                }
            });
            for (int k = 0; k < 200 && writer.isAlive(); k++) {
                Thread.sleep(2);
                writer.interrupt();
            }
            writer.join();
            db.inTransaction((Tx tx) -> tx.audit()
                    .appendNow(List.of(Fixtures.entry("intr", "r", "after")))
                    .getFirst());
            assertThat(db.inTransaction((Tx tx) -> tx.audit().verify("intr")).ok())
                    .isTrue();
        }
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            assertThat(db.inTransaction((Tx tx) -> tx.audit().verify("intr")).ok())
                    .isTrue();
        }
    }

    @Test
    void writerThread_runsUntilClosed() {
        long before = writers();
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            assertThat(writers()).isEqualTo(before + 1);
        }
        assertThat(writers()).isEqualTo(before);
    }

    private static long writers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("arbiter-writer") && t.isAlive())
                .count();
    }

    @Test
    void customH2Urls_reportWhatACrashWouldKeep() {
        try (Database db = Database.open(DatabaseConfig.inMemory("describe"), MutableClock.standard())) {
            assertThat(db.durability()).isEqualTo("H2 in memory (nothing survives a restart)");
        }
        String url = "jdbc:h2:file:" + dataDir.resolve("custom") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Database db =
                Database.open(new DatabaseConfig(Dialect.H2, url, "sa", "", 2, null), MutableClock.standard())) {
            assertThat(db.durability()).endsWith("without WRITE_DELAY=0 (a crash can lose recent commits)");
        }
        try (Database db = Database.open(
                new DatabaseConfig(Dialect.H2, url + ";WRITE_DELAY=0", "sa", "", 2, null), MutableClock.standard())) {
            assertThat(db.durability()).contains("WRITE_DELAY=0: each commit is written");
        }
    }

    @Test
    void passwordFile_isOwnerOnly_andItsLossIsExplained() throws Exception {
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            assertThat(db.isHealthy()).isTrue();
        }
        Path file = dataDir.resolve(EmbeddedSecret.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Files.delete(file);
        assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("password file h2.password is missing");
    }

    @Test
    void acknowledgedCommits_surviveKill9_andASecondProcessCanReadMeanwhile() throws Exception {
        Process child = startChild("durable");
        List<String> acked = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            readAcks(out, acked, 150);
            // The CLI's situation: another process opens the same data directory while the server runs.
            try (Database second = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
                long seen = second.inTransaction(
                        (Tx tx) -> tx.audit().search(AuditQuery.of("durable")).total());
                assertThat(seen).isGreaterThanOrEqualTo(150);
            }
            readAcks(out, acked, 150);
            // SIGKILL through the handle (Process.destroyForcibly would also close our end of its stdout).
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    acked.add(line.substring(4));
                }
            }
        } finally {
            child.destroyForcibly();
        }
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir), MutableClock.standard())) {
            db.inTransaction((Tx tx) -> {
                for (String id : acked) {
                    assertThat(tx.workflows().find("durable", id))
                            .as("acknowledged %s", id)
                            .isPresent();
                }
                ChainVerification v = tx.audit().verify("durable");
                assertThat(v)
                        .isInstanceOfSatisfying(
                                ChainVerification.Intact.class,
                                ok -> assertThat(ok.records()).isGreaterThanOrEqualTo(acked.size()));
                return null;
            });
        }
    }

    private Process startChild(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DurabilityChild.class.getName(),
                dataDir.toString()));
        cmd.addAll(List.of(extra).subList(1, extra.length));
        return new ProcessBuilder(cmd)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    private static void readAcks(BufferedReader out, List<String> acked, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            String line = out.readLine();
            assertThat(line).as("child output").isNotNull().startsWith("ack ");
            acked.add(line.substring(4));
        }
    }
}
