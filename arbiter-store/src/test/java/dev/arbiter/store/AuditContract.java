package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log: chaining, search, verification and tamper detection, transactional rollback. */
abstract class AuditContract implements StoreContract {

    @Test
    void append_chainsRecordsPerTenant() {
        String tenant = Fixtures.tenant();
        String other = Fixtures.tenant();
        List<AuditRecord> records = db().inTransaction((Tx tx) -> List.of(
                tx.audit()
                        .appendNow(List.of(Fixtures.entry(tenant, "wf_1", "workflow_created")))
                        .getFirst(),
                tx.audit()
                        .appendNow(List.of(Fixtures.entry(other, "wf_2", "workflow_created")))
                        .getFirst(),
                tx.audit()
                        .appendNow(List.of(Fixtures.entry(tenant, "wf_1", "workflow_step_gate")))
                        .getFirst()));
        assertThat(records.get(0).seq()).isEqualTo(1);
        assertThat(records.get(0).prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(records.get(1).seq()).isEqualTo(1);
        assertThat(records.get(2).seq()).isEqualTo(2);
        assertThat(records.get(2).prevHash()).isEqualTo(records.get(0).hash());
        assertThat(records.get(0).id()).matches("audit_\\d+_[a-z0-9]{16}");
        assertThat(db().inTransaction((Tx tx) ->
                        tx.audit().find(tenant, records.get(2).id())))
                .contains(records.get(2));
        assertThat(db().inTransaction(
                                (Tx tx) -> tx.audit().find(other, records.get(2).id())))
                .isEmpty();
        assertThat(db().inTransaction((Tx tx) -> tx.audit().verify(tenant)))
                .isEqualTo(
                        new ChainVerification.Intact(tenant, 2, records.get(2).hash()));
    }

    @Test
    void search_filtersByTimeTypeRequestAndSubstrings_newestFirst() {
        String tenant = Fixtures.tenant();
        Instant start = clock().instant();
        db().inTransaction((Tx tx) -> {
            for (String type :
                    List.of("workflow_created", "workflow_step_gate", "workflow_step_gate", "workflow_completed")) {
                clock().advance(Duration.ofSeconds(10));
                tx.audit()
                        .appendNow(List.of(
                                Fixtures.entry(tenant, type.equals("workflow_completed") ? "wf_b" : "wf_a", type)))
                        .getFirst();
            }
            tx.audit()
                    .append(AuditEntry.builder(tenant, "wf_c", "workflow_failed", "error")
                            .clientId("Cli_50%_Special")
                            .userEmail("Boss@Example.com")
                            .build());
            return null;
        });
        Page<AuditRecord> all = db().inTransaction((Tx tx) -> tx.audit().search(AuditQuery.of(tenant)));
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.items()).extracting(AuditRecord::seq).containsExactly(5L, 4L, 3L, 2L, 1L);

        AuditQuery window =
                new AuditQuery(tenant, start.plusSeconds(20), start.plusSeconds(30), null, null, null, null, 100, 0);
        assertThat(db().inTransaction((Tx tx) -> tx.audit().search(window)).items())
                .extracting(AuditRecord::seq)
                .containsExactly(3L, 2L);
        AuditQuery gates = new AuditQuery(tenant, null, null, "workflow_step_gate", null, null, null, 1, 1);
        Page<AuditRecord> second = db().inTransaction((Tx tx) -> tx.audit().search(gates));
        assertThat(second.items()).extracting(AuditRecord::seq).containsExactly(2L);
        assertThat(second.total()).isEqualTo(2);
        assertThat(db().inTransaction((Tx tx) ->
                                tx.audit().search(AuditQuery.of(tenant).withRequestId("wf_b")))
                        .items())
                .extracting(r -> r.entry().requestType())
                .containsExactly("workflow_completed");
        AuditQuery substring = new AuditQuery(tenant, null, null, null, null, "50%_s", "boss@", 100, 0);
        assertThat(db().inTransaction((Tx tx) -> tx.audit().search(substring)).items())
                .extracting(r -> r.entry().requestId())
                .containsExactly("wf_c");
        AuditQuery wildcard = new AuditQuery(tenant, null, null, null, null, "_", null, 100, 0);
        assertThat(db().inTransaction((Tx tx) -> tx.audit().search(wildcard)).total())
                .isEqualTo(5);
        AuditQuery literalPercent = new AuditQuery(tenant, null, null, null, null, "abc%", null, 100, 0);
        assertThat(db().inTransaction((Tx tx) -> tx.audit().search(literalPercent))
                        .total())
                .isZero();
        assertThat(db().inTransaction((Tx tx) -> tx.audit().search(AuditQuery.of(Fixtures.tenant())))
                        .total())
                .isZero();
    }

    @Test
    void rollback_leavesNoRecordAndNoChainAdvance() {
        String tenant = Fixtures.tenant();
        db().inTransaction((Tx tx) -> tx.audit()
                .appendNow(List.of(Fixtures.entry(tenant, "wf_1", "workflow_created")))
                .getFirst());
        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> {
                    tx.workflows().insert(Fixtures.workflow(tenant, "wf_rolled_back_" + tenant, tx.now()));
                    tx.audit()
                            .appendNow(List.of(Fixtures.entry(tenant, "wf_1", "workflow_step_gate")))
                            .getFirst();
                    throw new IllegalStateException("policy evaluation failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("policy evaluation failed");
        AuditRecord next = db().inTransaction((Tx tx) -> {
            assertThat(tx.workflows().find(tenant, "wf_rolled_back_" + tenant)).isEmpty();
            return tx.audit()
                    .appendNow(List.of(Fixtures.entry(tenant, "wf_1", "workflow_completed")))
                    .getFirst();
        });
        assertThat(next.seq()).isEqualTo(2);
        assertThat(db().inTransaction((Tx tx) -> tx.audit().verify(tenant)).ok())
                .isTrue();
    }

    @Test
    void verify_reportsAlteredRecord_asFirstBrokenLink() {
        String tenant = Fixtures.tenant();
        List<AuditRecord> r = appendFive(tenant);
        tamper(
                "UPDATE audit_logs SET policy_decision = 'allowed', query = 'nothing to see' WHERE id = ?",
                r.get(2).id());
        ChainVerification v = db().inTransaction((Tx tx) -> tx.audit().verify(tenant));
        assertThat(v)
                .isEqualTo(new ChainVerification.Broken(
                        tenant, 3, r.get(2).id(), "record altered: stored hash does not match its content", 2));
    }

    @Test
    void verify_reportsRehashedRecord_atTheNextLink() {
        String tenant = Fixtures.tenant();
        List<AuditRecord> r = appendFive(tenant);
        tamper(
                "UPDATE audit_logs SET hash = '" + "a".repeat(64) + "' WHERE id = ?",
                r.get(1).id());
        ChainVerification v = db().inTransaction((Tx tx) -> tx.audit().verify(tenant));
        assertThat(v).isInstanceOf(ChainVerification.Broken.class);
        assertThat(((ChainVerification.Broken) v).seq()).isEqualTo(2);
    }

    @Test
    void verify_reportsDeletedRecord_byItsMissingSeq() {
        String tenant = Fixtures.tenant();
        List<AuditRecord> r = appendFive(tenant);
        tamper("DELETE FROM audit_logs WHERE id = ?", r.get(1).id());
        ChainVerification v = db().inTransaction((Tx tx) -> tx.audit().verify(tenant));
        assertThat(v).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.recordId()).isEqualTo(r.get(2).id());
            assertThat(b.reason()).startsWith("record missing");
            assertThat(b.verifiedBefore()).isEqualTo(1);
        });
    }

    @Test
    void verify_reportsDeletedNewestRecords_againstTheHead() {
        String tenant = Fixtures.tenant();
        List<AuditRecord> r = appendFive(tenant);
        tamper("DELETE FROM audit_logs WHERE id = ?", r.get(4).id());
        ChainVerification v = db().inTransaction((Tx tx) -> tx.audit().verify(tenant));
        assertThat(v).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.recordId()).isEmpty();
            assertThat(b.reason()).contains("head says 5 records, found 4");
        });
    }

    @Test
    void verify_reportsRecordBeyondTheHead_asATornWrite() {
        String tenant = Fixtures.tenant();
        List<AuditRecord> r = appendFive(tenant);
        // What a crash that kept a record but not its chain update leaves: the head still says 4.
        tamper(
                "UPDATE audit_chain_heads SET last_seq = 4, last_hash = ? WHERE tenant_id = '" + tenant + "'",
                r.get(3).hash());
        ChainVerification v = db().read((Tx tx) -> tx.audit().verify(tenant));
        assertThat(v).isInstanceOfSatisfying(ChainVerification.Broken.class, b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.reason())
                    .isEqualTo("record beyond the chain head: the head says 4 records, a record has seq 5");
            assertThat(b.verifiedBefore()).isEqualTo(4);
        });
    }

    @Test
    void verifyAll_coversEveryTenant_andIsolatesDamage() {
        String good = Fixtures.tenant();
        String bad = Fixtures.tenant();
        appendFive(good);
        List<AuditRecord> r = appendFive(bad);
        tamper("UPDATE audit_logs SET cost = 99 WHERE id = ?", r.get(0).id());
        List<ChainVerification> all = db().inTransaction((Tx tx) -> tx.audit().verifyAll());
        assertThat(all)
                .filteredOn(v -> v.tenantId().equals(good))
                .singleElement()
                .satisfies(v -> assertThat(v.ok()).isTrue());
        assertThat(all)
                .filteredOn(v -> v.tenantId().equals(bad))
                .singleElement()
                .isInstanceOfSatisfying(
                        ChainVerification.Broken.class, b -> assertThat(b.seq()).isEqualTo(1));
        String nobody = Fixtures.tenant();
        assertThat(db().inTransaction((Tx tx) -> tx.audit().verify(nobody)))
                .isEqualTo(new ChainVerification.Intact(nobody, 0, AuditHash.GENESIS));
    }

    @Test
    void appendNow_writesOneChainSegment_andRejectsMixedTenants() {
        String tenant = Fixtures.tenant();
        List<AuditRecord> written = db().inTransaction((Tx tx) -> tx.audit()
                .appendNow(List.of(
                        Fixtures.entry(tenant, "r", "a"),
                        Fixtures.entry(tenant, "r", "b"),
                        Fixtures.entry(tenant, "r", "c"))));
        assertThat(written).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
        assertThat(db().inTransaction((Tx tx) -> tx.audit().verify(tenant)))
                .isEqualTo(
                        new ChainVerification.Intact(tenant, 3, written.get(2).hash()));
        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> tx.audit()
                        .appendNow(List.of(
                                Fixtures.entry(tenant, "r", "a"), Fixtures.entry(Fixtures.tenant(), "r", "b")))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private List<AuditRecord> appendFive(String tenant) {
        return db().inTransaction((Tx tx) -> {
            List<AuditRecord> out = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clock().advance(Duration.ofMillis(1));
                out.add(tx.audit()
                        .appendNow(List.of(Fixtures.entry(tenant, "wf_" + i, "workflow_step_gate")))
                        .getFirst());
            }
            return out;
        });
    }

    private void tamper(String sql, String id) {
        db().jdbi().useHandle(h -> h.execute(sql, id));
    }
}
