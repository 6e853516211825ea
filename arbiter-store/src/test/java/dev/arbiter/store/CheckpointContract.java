package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints (V13: numbered step rows with resume counts) and the queries approval expiry runs on. */
abstract class CheckpointContract implements StoreContract {

    @Test
    void checkpoints_keepTheirNumberAndCount_acrossStepWrites() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "b", 2, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "a", 1, now));
            return null;
        });
        List<CheckpointRecord> before =
                db().inTransaction((Tx tx) -> tx.checkpoints().list(tenant, wf));
        assertThat(before).extracting(c -> c.step().stepId()).containsExactly("a", "b");
        assertThat(before).allSatisfy(c -> {
            assertThat(c.resumeCount()).isZero();
            assertThat(c.lastResumedAt()).isNull();
        });
        assertThat(before.get(0).id())
                .as("numbered in insertion order")
                .isGreaterThan(before.get(1).id());

        Instant later = now.plusSeconds(5);
        db().inTransaction((Tx tx) -> {
            assertThat(tx.checkpoints().resumed(tenant, wf, "a", later)).isTrue();
            StepRecord a = tx.steps().find(tenant, wf, "a").orElseThrow();
            tx.steps().update(a.withAttempts(a.attempts().next(later, StepDecision.BLOCK)));
            assertThat(tx.checkpoints().resumed(tenant, wf, "missing", later)).isFalse();
            assertThat(tx.checkpoints().resumed(Fixtures.tenant(), wf, "a", later))
                    .isFalse();
            return null;
        });
        CheckpointRecord a = db().inTransaction((Tx tx) ->
                tx.checkpoints().find(tenant, wf, before.get(0).id()).orElseThrow());
        assertThat(a.resumeCount()).isEqualTo(1);
        assertThat(a.lastResumedAt()).isEqualTo(later);
        assertThat(a.step().attempts().gateCount()).isEqualTo(2);
        assertThat(db().inTransaction((Tx tx) -> tx.checkpoints().find(Fixtures.tenant(), wf, a.id())))
                .as("another tenant's checkpoint")
                .isEmpty();
        assertThat(db().inTransaction((Tx tx) -> tx.checkpoints().find(tenant, "wf_other", a.id())))
                .as("another workflow's checkpoint")
                .isEmpty();
    }

    @Test
    void latestResumable_isTheHighestIndexThatDidNotBlock() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            assertThat(tx.checkpoints().latestResumable(tenant, wf)).isEmpty();
            tx.steps().insert(Fixtures.step(tenant, wf, "one", 1, now));
            tx.steps().insert(withDecision(Fixtures.step(tenant, wf, "two", 2, now), StepDecision.REQUIRE_APPROVAL));
            tx.steps().insert(withDecision(Fixtures.step(tenant, wf, "three", 3, now), StepDecision.BLOCK));
            return null;
        });
        assertThat(db().inTransaction((Tx tx) -> tx.checkpoints().latestResumable(tenant, wf)))
                .map(c -> c.step().stepId())
                .contains("two");
    }

    @Test
    void overdueAndPending_splitPendingApprovalsAtTheCutoff() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        Instant cutoff = now.plusSeconds(10);
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(pending(Fixtures.step(tenant, wf, "old", 1, now)));
            tx.steps()
                    .insert(pending(StepQueryContract.withGatedAt(Fixtures.step(tenant, wf, "edge", 2, now), cutoff)));
            tx.steps()
                    .insert(pending(StepQueryContract.withGatedAt(
                            Fixtures.step(tenant, wf, "fresh", 3, now), cutoff.plus(Duration.ofMillis(1)))));
            tx.steps()
                    .insert(Fixtures.step(tenant, wf, "decided", 4, now)
                            .withApproval(Approval.pending("a4").decide(ApprovalStatus.APPROVED, "al", now, null)));
            return null;
        });
        List<StepRecord> overdue = db().inTransaction((Tx tx) -> tx.steps().overdue(tenant, cutoff, 10));
        assertThat(overdue).extracting(StepRecord::stepId).containsExactly("old", "edge");
        assertThat(db().inTransaction((Tx tx) -> tx.steps().overdue(tenant, cutoff, 1)))
                .extracting(StepRecord::stepId)
                .containsExactly("old");
        assertThat(db().inTransaction((Tx tx) -> tx.steps().overdue(null, cutoff, 10_000)))
                .as("every tenant")
                .extracting(StepRecord::stepId, StepRecord::tenantId)
                .contains(org.assertj.core.groups.Tuple.tuple("old", tenant))
                .doesNotContain(org.assertj.core.groups.Tuple.tuple("fresh", tenant));
        assertThat(db().inTransaction((Tx tx) -> tx.steps().overdue(Fixtures.tenant(), cutoff, 10)))
                .isEmpty();
        assertThat(db().inTransaction((Tx tx) -> tx.steps().pending(tenant, 10, cutoff)))
                .extracting(p -> p.step().stepId())
                .containsExactly("fresh");
        assertThat(db().inTransaction((Tx tx) -> tx.steps().pending(tenant, 10, null)))
                .extracting(p -> p.step().stepId())
                .containsExactly("fresh", "edge", "old");
    }

    private static StepRecord pending(StepRecord s) {
        return withDecision(s, StepDecision.REQUIRE_APPROVAL).withApproval(Approval.pending("a_" + s.stepId()));
    }

    private static StepRecord withDecision(StepRecord s, StepDecision decision) {
        GateResult g = s.gate();
        return s.withGate(new GateResult(
                decision,
                g.decisionId(),
                g.reason(),
                g.policiesEvaluatedCount(),
                g.policiesEvaluatedJson(),
                g.policiesMatchedJson(),
                g.gatedAt()));
    }
}
