package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Managed policies (versions, soft deletion, tenant lock) of both kinds, and gate records. */
abstract class PolicyManagementContract implements StoreContract {
    private static final ManagedPolicies.Change BY_ANA = new ManagedPolicies.Change("created", "ana", "created");

    @Test
    void changes_writeVersions_andRaiseTheSetVersion() {
        String tenant = Fixtures.tenant();
        UUID id = UUID.randomUUID();
        ManagedPolicy created = db().inTransaction((Tx tx) ->
                tx.managedPolicies(PolicyKind.DYNAMIC).insert(tenant, id, definition("p", "{\"v\":1}"), BY_ANA));
        long afterCreate = db().inTransaction((Tx tx) -> tx.policies().setVersion(tenant));
        clock().advance(Duration.ofSeconds(5));
        ManagedPolicy updated = db().inTransaction((Tx tx) -> {
            ManagedPolicies policies = tx.managedPolicies(PolicyKind.DYNAMIC);
            policies.lock(tenant);
            ManagedPolicy current = policies.find(tenant, id).orElseThrow();
            return policies.update(
                    current, definition("p2", "{\"v\":2}"), new ManagedPolicies.Change("updated", "bo", "renamed"));
        });

        assertThat(created.stored().version()).isEqualTo(1);
        assertThat(updated.stored().version()).isEqualTo(2);
        assertThat(updated.updatedBy()).isEqualTo("bo");
        assertThat(updated.stored().createdBy()).isEqualTo("ana");
        assertThat(db().inTransaction((Tx tx) -> tx.policies().setVersion(tenant)))
                .isGreaterThan(afterCreate)
                .isGreaterThan(0);
        db().inTransaction((Tx tx) -> {
            ManagedPolicies policies = tx.managedPolicies(PolicyKind.DYNAMIC);
            assertThat(policies.find(tenant, id)).hasValueSatisfying(p -> {
                assertThat(p.stored().name()).isEqualTo("p2");
                assertThat(p.updatedBy()).isEqualTo("bo");
            });
            List<PolicyVersion> versions = policies.versions(tenant, id);
            assertThat(versions).extracting(PolicyVersion::version).containsExactly(2, 1);
            assertThat(versions.get(0).snapshotJson()).isEqualTo("{\"v\":2}");
            assertThat(versions.get(0).changeSummary()).isEqualTo("renamed");
            assertThat(versions.get(1).changedBy()).isEqualTo("ana");
            assertThat(policies.version(tenant, id, 1))
                    .hasValueSatisfying(v -> assertThat(v.snapshotJson()).isEqualTo("{\"v\":1}"));
            assertThat(policies.version(tenant, id, 3)).isEmpty();
            return null;
        });
    }

    @Test
    void deletion_isSoft_keepsHistory_andUpdateRestores() {
        String tenant = Fixtures.tenant();
        UUID id = UUID.randomUUID();
        db().inTransaction((Tx tx) ->
                tx.managedPolicies(PolicyKind.DYNAMIC).insert(tenant, id, definition("p", "{}"), BY_ANA));
        db().inTransaction((Tx tx) -> {
            ManagedPolicies policies = tx.managedPolicies(PolicyKind.DYNAMIC);
            return policies.delete(
                    policies.find(tenant, id).orElseThrow(), new ManagedPolicies.Change("deleted", "bo", null));
        });

        db().inTransaction((Tx tx) -> {
            ManagedPolicies policies = tx.managedPolicies(PolicyKind.DYNAMIC);
            assertThat(policies.listLive(tenant)).isEmpty();
            assertThat(policies.findLiveByName(tenant, "p")).isEmpty();
            assertThat(policies.find(tenant, id))
                    .hasValueSatisfying(p -> assertThat(p.isDeleted()).isTrue());
            assertThat(tx.policies().listEnabled(tenant)).isEmpty();
            assertThat(policies.versions(tenant, id))
                    .extracting(PolicyVersion::changeType)
                    .containsExactly("deleted", "created");
            ManagedPolicy restored = policies.update(
                    policies.find(tenant, id).orElseThrow(),
                    definition("p", "{}"),
                    new ManagedPolicies.Change("rollback", "bo", "rolled back to version 1"));
            assertThat(restored.isDeleted()).isFalse();
            assertThat(restored.stored().version()).isEqualTo(3);
            assertThat(policies.listLive(tenant)).hasSize(1);
            return null;
        });
    }

    @Test
    void tenants_andKinds_areIsolated() {
        String a = Fixtures.tenant();
        String b = Fixtures.tenant();
        UUID id = UUID.randomUUID();
        db().inTransaction(
                        (Tx tx) -> tx.managedPolicies(PolicyKind.STATIC).insert(a, id, definition("s", "{}"), BY_ANA));

        db().inTransaction((Tx tx) -> {
            assertThat(tx.managedPolicies(PolicyKind.STATIC).find(b, id)).isEmpty();
            assertThat(tx.managedPolicies(PolicyKind.STATIC).versions(b, id)).isEmpty();
            assertThat(tx.managedPolicies(PolicyKind.DYNAMIC).find(a, id)).isEmpty();
            assertThat(tx.managedPolicies(PolicyKind.STATIC).listLive(a)).hasSize(1);
            assertThat(tx.managedPolicies(PolicyKind.DYNAMIC).listLive(a)).isEmpty();
            return null;
        });
    }

    @Test
    void staleUpdate_isRefused() {
        String tenant = Fixtures.tenant();
        UUID id = UUID.randomUUID();
        ManagedPolicy v1 = db().inTransaction((Tx tx) ->
                tx.managedPolicies(PolicyKind.DYNAMIC).insert(tenant, id, definition("p", "{}"), BY_ANA));
        db().inTransaction((Tx tx) -> tx.managedPolicies(PolicyKind.DYNAMIC)
                .update(v1, definition("p", "{\"x\":1}"), new ManagedPolicies.Change("updated", null, null)));

        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> tx.managedPolicies(PolicyKind.DYNAMIC)
                        .update(v1, definition("p", "{\"x\":2}"), new ManagedPolicies.Change("updated", null, null))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("changed since version 1");
    }

    @Test
    void lock_serialisesWritersOfOneTenant() throws Exception {
        String tenant = Fixtures.tenant();
        db().inTransaction((Tx tx) -> tx.managedPolicies(PolicyKind.DYNAMIC).lock(tenant));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    start.await();
                    // Check-then-insert under the lock: exactly one writer may see the name free, whether
                    // writers share this process's writer thread or run as other replicas.
                    TransactionWork<Boolean, RuntimeException> work = (Tx tx) -> {
                        ManagedPolicies policies = tx.managedPolicies(PolicyKind.DYNAMIC);
                        policies.lock(tenant);
                        if (policies.findLiveByName(tenant, "same").isPresent()) {
                            return false;
                        }
                        policies.insert(tenant, UUID.randomUUID(), definition("same", "{}"), BY_ANA);
                        return true;
                    };
                    return id % 2 == 0 ? db().inTransaction(work) : inOtherReplica(work);
                }));
            }
            start.countDown();
            int inserted = 0;
            for (Future<Boolean> result : results) {
                inserted += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(inserted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gateRecords_areAppended_andReadByWindowOrWorkflow() {
        String tenant = Fixtures.tenant();
        Instant t0 = clock().instant();
        List<Long> ids = new ArrayList<>();
        db().inTransaction((Tx tx) -> {
            for (int i = 0; i < 5; i++) {
                ids.add(tx.gateRecords().append(record(tenant, i % 2 == 0 ? "wf-even" : "wf-odd", i, t0)));
            }
            tx.gateRecords().append(record(Fixtures.tenant(), "wf-even", 9, t0));
            return null;
        });

        db().inTransaction((Tx tx) -> {
            GateRecords records = tx.gateRecords();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(records.window(tenant, t0, t0.plusSeconds(3), 100))
                    .extracting(GateRecord::stepId)
                    .containsExactly("s0", "s1", "s2");
            assertThat(records.window(tenant, t0, t0.plusSeconds(60), 2)).hasSize(2);
            assertThat(records.forWorkflows(tenant, List.of("wf-odd"), 100))
                    .extracting(GateRecord::stepId)
                    .containsExactly("s1", "s3");
            assertThat(records.forWorkflows(tenant, List.of(), 100)).isEmpty();
            List<GateRecord> firstPage = records.window(tenant, t0, t0.plusSeconds(60), 2);
            assertThat(records.window(tenant, t0, t0.plusSeconds(60), firstPage.getLast(), 10))
                    .extracting(GateRecord::stepId)
                    .containsExactly("s2", "s3", "s4");
            List<GateRecord> even = records.forWorkflows(tenant, List.of("wf-even"), 1);
            assertThat(records.forWorkflows(tenant, List.of("wf-even"), even.getLast(), 10))
                    .extracting(GateRecord::stepId)
                    .containsExactly("s2", "s4");
            GateRecord first = records.window(tenant, t0, t0.plusSeconds(1), 1).getFirst();
            assertThat(first.contextJson()).isEqualTo("{\"step_index\":0}");
            assertThat(first.truncatedKeysJson()).isEqualTo("[\"step_input.blob\"]");
            assertThat(first.tenantSetVersion()).isEqualTo(7);
            assertThat(first.gatedAt()).isEqualTo(t0);
            return null;
        });
    }

    private static GateRecord record(String tenant, String workflow, int i, Instant t0) {
        return new GateRecord(
                0,
                tenant,
                workflow,
                "s" + i,
                "dec_" + workflow + "_s" + i,
                Sql.micros(t0.plusSeconds(i)),
                "allow",
                "log",
                "[]",
                "[]",
                7,
                2,
                "{\"step_index\":" + i + "}",
                i == 0 ? "[\"step_input.blob\"]" : null);
    }

    private static ManagedPolicies.Definition definition(String name, String json) {
        return new ManagedPolicies.Definition(name, json, true, 10, "enforce");
    }
}
