package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workflows and steps: round trips, tenant scoping, listing, pending approvals, totals, constraints. */
abstract class WorkflowContract implements StoreContract {

    @Test
    void workflow_roundTrips_throughInsertAndFind() {
        String tenant = Fixtures.tenant();
        WorkflowRecord w = Fixtures.workflow(tenant, Fixtures.workflowId(), clock().instant());
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(w);
            return null;
        });
        assertThat(db().inTransaction((Tx tx) -> tx.workflows().find(tenant, w.id())))
                .contains(w);
    }

    @Test
    void workflow_isInvisible_toAnotherTenant() {
        String tenant = Fixtures.tenant();
        WorkflowRecord w = Fixtures.workflow(tenant, Fixtures.workflowId(), clock().instant());
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(w);
            return null;
        });
        String other = Fixtures.tenant();
        db().inTransaction((Tx tx) -> {
            assertThat(tx.workflows().find(other, w.id())).isEmpty();
            assertThat(tx.workflows().lockForUpdate(other, w.id())).isEmpty();
            assertThat(tx.workflows()
                            .update(new WorkflowRecord(
                                    other,
                                    w.id(),
                                    "x",
                                    "external",
                                    WorkflowStatus.FAILED,
                                    0,
                                    null,
                                    null,
                                    "{}",
                                    null,
                                    null,
                                    w.createdAt(),
                                    w.updatedAt(),
                                    null)))
                    .isFalse();
            assertThat(tx.workflows().list(WorkflowQuery.of(other)).items()).isEmpty();
            assertThat(tx.steps().list(other, w.id())).isEmpty();
            return null;
        });
        assertThat(db().inTransaction((Tx tx) -> tx.workflows().find(tenant, w.id())))
                .contains(w);
    }

    @Test
    void workflow_update_writesTerminalTransition() {
        String tenant = Fixtures.tenant();
        WorkflowRecord w = Fixtures.workflow(tenant, Fixtures.workflowId(), clock().instant());
        clock().advance(Duration.ofSeconds(5));
        WorkflowRecord finished = db().inTransaction((Tx tx) -> {
            tx.workflows().insert(w);
            WorkflowRecord locked = tx.workflows().lockForUpdate(tenant, w.id()).orElseThrow();
            WorkflowRecord done = locked.withStepIndex(3, tx.now())
                    .finish(WorkflowStatus.ABORTED, "Aborted by user", "{\"abort_reason\":\"x\"}", tx.now());
            assertThat(tx.workflows().update(done)).isTrue();
            return done;
        });
        WorkflowRecord read = db().inTransaction((Tx tx) -> tx.workflows().find(tenant, w.id()))
                .orElseThrow();
        assertThat(read).isEqualTo(finished);
        assertThat(read.totalSteps()).isEqualTo(3);
        assertThat(read.completedAt()).isEqualTo(clock().instant());
        assertThat(read.status().isTerminal()).isTrue();
    }

    @Test
    void workflow_duplicateId_isDuplicateKey_andKeepsNothing() {
        String tenant = Fixtures.tenant();
        WorkflowRecord w = Fixtures.workflow(tenant, Fixtures.workflowId(), clock().instant());
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(w);
            return null;
        });
        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> {
                    tx.audit()
                            .appendNow(List.of(Fixtures.entry(tenant, w.id(), "workflow_created")))
                            .getFirst();
                    tx.workflows().insert(w);
                    return null;
                }))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("23505");
        assertThat(db().inTransaction((Tx tx) ->
                        tx.audit().search(AuditQuery.of(tenant)).total()))
                .isZero();
    }

    @Test
    void list_filtersAndPages_newestFirst() {
        String tenant = Fixtures.tenant();
        db().inTransaction((Tx tx) -> {
            for (int i = 0; i < 5; i++) {
                clock().advance(Duration.ofSeconds(1));
                WorkflowRecord w = WorkflowRecord.start(
                        tenant,
                        "wf_list_" + tenant + "_" + i,
                        "n" + i,
                        i % 2 == 0 ? "langgraph" : "external",
                        i < 2 ? "trace-a" : null,
                        "{}",
                        null,
                        tx.now());
                tx.workflows().insert(i == 4 ? w.finish(WorkflowStatus.COMPLETED, null, "{}", tx.now()) : w);
            }
            return null;
        });
        Page<WorkflowRecord> all = db().inTransaction((Tx tx) -> tx.workflows().list(WorkflowQuery.of(tenant)));
        assertThat(all.items()).extracting(WorkflowRecord::name).containsExactly("n4", "n3", "n2", "n1", "n0");
        assertThat(all.total()).isEqualTo(5);
        assertThat(all.hasMore()).isFalse();

        Page<WorkflowRecord> page =
                db().inTransaction((Tx tx) -> tx.workflows().list(new WorkflowQuery(tenant, null, null, null, 2, 1)));
        assertThat(page.items()).extracting(WorkflowRecord::name).containsExactly("n3", "n2");
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.hasMore()).isTrue();

        assertThat(db().inTransaction((Tx tx) -> tx.workflows()
                                .list(new WorkflowQuery(tenant, WorkflowStatus.COMPLETED, null, null, 20, 0)))
                        .items())
                .extracting(WorkflowRecord::name)
                .containsExactly("n4");
        assertThat(db().inTransaction((Tx tx) ->
                                tx.workflows().list(new WorkflowQuery(tenant, null, "langgraph", null, 20, 0)))
                        .items())
                .extracting(WorkflowRecord::name)
                .containsExactly("n4", "n2", "n0");
        assertThat(db().inTransaction(
                                (Tx tx) -> tx.workflows().list(new WorkflowQuery(tenant, null, null, "trace-a", 20, 0)))
                        .total())
                .isEqualTo(2);
    }

    @Test
    void step_roundTrips_withEveryField() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        StepRecord step = Fixtures.step(tenant, wf, "step-1", 1, now)
                .withApproval(Approval.pending("0b0c0d0e-0000-5000-8000-000000000001")
                        .decide(ApprovalStatus.APPROVED, "alice", now.plusSeconds(9), "looks fine to me"))
                .withCompletion(Completion.NONE.next("{\"summary\":\"ok\"}", now.plusSeconds(10)))
                .withUsage(new Usage(1L, 2L, new BigDecimal("0.123456789")));
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(step);
            return null;
        });
        StepRecord read = db().inTransaction((Tx tx) -> tx.steps().find(tenant, wf, "step-1"))
                .orElseThrow();
        assertThat(read).isEqualTo(step);
        assertThat(read.usage().costUsd()).isEqualByComparingTo("0.12345679");
        assertThat(db().inTransaction((Tx tx) -> tx.steps().find(Fixtures.tenant(), wf, "step-1")))
                .isEmpty();
    }

    @Test
    void step_update_overwritesTheDecision() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        StepRecord step = Fixtures.step(tenant, wf, "s", 1, now);
        StepRecord changed = step.withGate(new GateResult(
                        StepDecision.REQUIRE_APPROVAL,
                        "dec_x",
                        "Step requires human" + " approval",
                        1,
                        "[{\"policy_id\":\"p\"}]",
                        "[{\"policy_id\":\"p\"}]",
                        now.plusSeconds(1)))
                .withAttempts(step.attempts().next(now.plusSeconds(1), StepDecision.REQUIRE_APPROVAL))
                .withApproval(Approval.pending("a-1"));
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(step);
            assertThat(tx.steps().update(changed)).isTrue();
            return null;
        });
        StepRecord read =
                db().inTransaction((Tx tx) -> tx.steps().find(tenant, wf, "s")).orElseThrow();
        assertThat(read).isEqualTo(changed);
        assertThat(read.gate().decision()).isEqualTo(StepDecision.REQUIRE_APPROVAL);
        assertThat(read.attempts().gateCount()).isEqualTo(2);
    }

    @Test
    void step_takenIndexOrId_isDuplicateKey() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "a", 1, now));
            return null;
        });
        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> {
                    tx.steps().insert(Fixtures.step(tenant, wf, "b", 1, now));
                    return null;
                }))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> db().inTransaction((Tx tx) -> {
                    tx.steps().insert(Fixtures.step(tenant, wf, "a", 2, now));
                    return null;
                }))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
