package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final String ID = "0b6c2f4e-8d1a-4c3b-9e2f-5a7d6c1b0e9f";

    @TempDir
    Path dir;

    @Test
    void aRecord_decodesToWhatWasEncoded_withEveryParameterType() throws Exception {
        Timestamp ts = Timestamp.from(Instant.parse("2026-11-22T07:00:00.123456Z"));
        JournalRecord record = new JournalRecord(
                42,
                Map.of("gate_records.id", 1001L, "outbox.id", 7L),
                List.of(
                        new JournalOp.Savepoint("w0"),
                        execute(
                                "INSERT INTO t VALUES (?, ?, ?)",
                                true,
                                param("setString", String.class, "héllo ✓"),
                                param("setLong", long.class, 9_000_000_000L),
                                param("setInt", int.class, 7)),
                        execute(
                                "UPDATE t SET a = ?",
                                false,
                                param("setBoolean", boolean.class, true),
                                param("setBigDecimal", BigDecimal.class, new BigDecimal("0.00210000")),
                                param("setTimestamp", Timestamp.class, ts),
                                param(
                                        "setObject",
                                        Object.class,
                                        OffsetDateTime.of(2026, 11, 22, 7, 0, 0, 5, ZoneOffset.ofHours(2))),
                                param("setObject", Object.class, UUID.randomUUID()),
                                param("setBytes", byte[].class, new byte[] {1, 2, 3}),
                                param("setDouble", double.class, 0.5),
                                param("setObject", Object.class, Instant.parse("2026-01-01T00:00:00Z")),
                                new JournalParameter("setNull", List.of(int.class, int.class), new Object[] {9, 12})),
                        new JournalOp.RollbackTo("w0"),
                        new JournalOp.Release("w0")));

        JournalRecord decoded = JournalRecord.decode(record.encode());

        assertThat(decoded).isEqualTo(record);
    }

    @Test
    void aSetterWithoutACode_isSpelledOut_andDecodes() throws Exception {
        JournalRecord record = new JournalRecord(
                3,
                Map.of(),
                List.of(execute(
                        "UPDATE t SET a = ?, b = ?",
                        true,
                        new JournalParameter(
                                "setNull", List.of(int.class, int.class, String.class), new Object[] {1, 2002, "T"}),
                        param("setString", String.class, "coded"))));

        assertThat(JournalRecord.decode(record.encode())).isEqualTo(record);
        assertThat(JournalSetters.code(record.ops().stream()
                        .map(op -> ((JournalOp.Execute) op).parameters().getFirst())
                        .findFirst()
                        .orElseThrow()))
                .isEqualTo(JournalSetters.NAMED);
    }

    @Test
    void aRecordOfFormatOne_writtenBeforeSetterCodes_stillDecodes() throws Exception {
        // Format 1 as the previous release wrote it: every setter spelled out, a journal left by a crash of it.
        JournalBuffer old = new JournalBuffer();
        old.putByte(1);
        old.putLong(5);
        old.putInt(0);
        old.putInt(1);
        old.putByte(1);
        old.putString("UPDATE t SET a = ?");
        old.putInt(1);
        old.putString("setString");
        old.putByte(2);
        old.putString("int");
        old.putByte(2);
        old.putInt(1);
        old.putString("java.lang.String");
        old.putByte(1);
        old.putString("old");

        JournalRecord decoded = JournalRecord.decode(Arrays.copyOf(old.array(), old.size()));

        assertThat(decoded)
                .isEqualTo(new JournalRecord(
                        5,
                        Map.of(),
                        List.of(execute("UPDATE t SET a = ?", true, param("setString", String.class, "old")))));
    }

    @Test
    void aParameterTheJournalCannotKeep_isRefusedWhenRecorded() {
        assertThatThrownBy(() -> JournalRecord.checkWritable(new StringBuilder("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder");
    }

    @Test
    void aRecordCutShortByACrash_endsTheJournal_andEveryRecordBeforeItIsRead() throws IOException {
        try (Journal journal = Journal.open(dir, ID)) {
            journal.startSegment(1);
            for (long seq = 1; seq <= 3; seq++) {
                journal.append(new JournalRecord(seq, Map.of(), List.of(new JournalOp.Savepoint("s" + seq))));
            }
        }
        Path segment = dir.resolve(Journal.fileName(ID, 1));
        long size = Files.size(segment);
        try (var channel = Files.newByteChannel(segment, StandardOpenOption.WRITE)) {
            channel.truncate(size - 3);
        }

        List<JournalRecord> read = Journal.open(dir, ID).readAll();

        assertThat(read).extracting(JournalRecord::seq).containsExactly(1L, 2L);
    }

    @Test
    void aRecordFailingItsChecksum_endsItsSegment() throws IOException {
        try (Journal journal = Journal.open(dir, ID)) {
            journal.startSegment(1);
            journal.append(new JournalRecord(1, Map.of(), List.of()));
            journal.append(new JournalRecord(2, Map.of(), List.of(new JournalOp.Release("x"))));
        }
        Path segment = dir.resolve(Journal.fileName(ID, 1));
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(segment, bytes);

        assertThat(Journal.open(dir, ID).readAll())
                .extracting(JournalRecord::seq)
                .containsExactly(1L);
    }

    @Test
    void undo_takesBackTheLastRecord() {
        try (Journal journal = Journal.open(dir, ID)) {
            journal.startSegment(1);
            journal.append(new JournalRecord(1, Map.of(), List.of()));
            long before = journal.append(new JournalRecord(2, Map.of(), List.of()));
            journal.undo(before);
            journal.append(new JournalRecord(2, Map.of("a.b", 3L), List.of()));
        }
        List<JournalRecord> read = Journal.open(dir, ID).readAll();
        assertThat(read).extracting(JournalRecord::seq).containsExactly(1L, 2L);
        assertThat(read.get(1).identityBases()).containsEntry("a.b", 3L);
    }

    @Test
    void checkpoints_deleteOnlySegmentsAKeptCheckpointCovers() throws IOException {
        try (Journal journal = Journal.open(dir, ID)) {
            journal.startSegment(1);
            journal.append(new JournalRecord(1, Map.of(), List.of()));
            journal.append(new JournalRecord(2, Map.of(), List.of()));
            journal.checkpointed(2, 0).run(); // segment 1 holds 1..2, not covered by checkpoint 0: kept
            journal.append(new JournalRecord(3, Map.of(), List.of()));
            Runnable fileWork = journal.checkpointed(3, 2); // segment 1 is covered by checkpoint 2: deleted
            try (var files = Files.list(dir)) {
                assertThat(files.count())
                        .as("deleted only when the returned file work runs")
                        .isEqualTo(3);
            }
            fileWork.run();
            journal.append(new JournalRecord(4, Map.of(), List.of()));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly(Journal.fileName(ID, 3), Journal.fileName(ID, 4));
        }
        assertThat(Journal.open(dir, ID).readAll())
                .extracting(JournalRecord::seq)
                .containsExactly(3L, 4L);
    }

    @Test
    void segmentsOfAnotherDatabase_areNotRead() {
        try (Journal journal = Journal.open(dir, "11111111-2222-3333-4444-555555555555")) {
            journal.startSegment(1);
            journal.append(new JournalRecord(1, Map.of(), List.of()));
        }
        assertThat(Journal.open(dir, ID).readAll()).isEmpty();
    }

    @Test
    void recorder_keepsTheQueriesOut() {
        assertThat(JournalRecorder.isQuery("  select * from t for update")).isTrue();
        assertThat(JournalRecorder.isQuery("WITH x AS (SELECT 1) SELECT * FROM x"))
                .isTrue();
        assertThat(JournalRecorder.isQuery("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(JournalRecorder.isQuery("update t set a = 1")).isFalse();
        assertThat(JournalRecorder.isQuery("MERGE INTO t KEY (id) VALUES (1)")).isFalse();
    }

    private static JournalOp.Execute execute(String sql, boolean succeeded, JournalParameter... parameters) {
        return new JournalOp.Execute(sql, List.of(parameters), succeeded);
    }

    private static JournalParameter param(String setter, Class<?> type, Object value) throws Exception {
        PreparedStatement.class.getMethod(setter, int.class, type); // the setter exists
        return new JournalParameter(setter, List.of(int.class, type), new Object[] {1, value});
    }
}
