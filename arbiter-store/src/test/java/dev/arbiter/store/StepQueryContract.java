package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Step queries: ordering, the last step, pending approvals, and the cross-step totals policies read. */
abstract class StepQueryContract implements StoreContract {

    @Test
    void steps_areListedByIndex_andLastIsHighest() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            // As a gate does: the workflow's current index follows the highest step written.
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now).withStepIndex(3, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "third", 3, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "first", 1, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "second", 2, now));
            return null;
        });
        db().read((Tx tx) -> {
            assertThat(tx.steps().list(tenant, wf))
                    .extracting(StepRecord::stepId)
                    .containsExactly("first", "second", "third");
            assertThat(tx.steps().last(tenant, wf)).map(StepRecord::stepId).contains("third");
            assertThat(tx.steps().last(tenant, "wf_none")).isEmpty();
            return null;
        });
    }

    @Test
    void findWithLast_readsTheStepAndAPendingLastStepInOneStatement() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        String settled = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now).withStepIndex(2, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "first", 1, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "second", 2, now).withApproval(Approval.pending("a1")));
            tx.workflows().insert(Fixtures.workflow(tenant, settled, now).withStepIndex(2, now));
            tx.steps().insert(Fixtures.step(tenant, settled, "first", 1, now));
            tx.steps().insert(Fixtures.step(tenant, settled, "second", 2, now));
            return null;
        });
        db().read((Tx tx) -> {
            Steps.StepAndLast regate = tx.steps().findWithLast(tenant, wf, "first", 2);
            assertThat(regate.step()).map(StepRecord::stepId).contains("first");
            assertThat(regate.pendingLast()).map(StepRecord::stepId).contains("second");

            Steps.StepAndLast last = tx.steps().findWithLast(tenant, wf, "second", 2);
            assertThat(last.step()).map(StepRecord::stepId).contains("second");
            assertThat(last.pendingLast()).isEmpty();

            Steps.StepAndLast fresh = tx.steps().findWithLast(tenant, wf, "third", 2);
            assertThat(fresh.step()).isEmpty();
            assertThat(fresh.pendingLast()).map(StepRecord::stepId).contains("second");

            // A last step that awaits no approval is not read.
            Steps.StepAndLast nothingPending = tx.steps().findWithLast(tenant, settled, "third", 2);
            assertThat(nothingPending.step()).isEmpty();
            assertThat(nothingPending.pendingLast()).isEmpty();

            Steps.StepAndLast foreign = tx.steps().findWithLast(Fixtures.tenant(), wf, "first", 2);
            assertThat(foreign.step()).isEmpty();
            assertThat(foreign.pendingLast()).isEmpty();
            return null;
        });
    }

    @Test
    void pending_listsOnlyThisTenantsPendingSteps_newestFirst() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            tx.steps().insert(Fixtures.step(tenant, wf, "old", 1, now).withApproval(Approval.pending("a1")));
            tx.steps()
                    .insert(Fixtures.step(tenant, wf, "done", 2, now.plusSeconds(1))
                            .withApproval(
                                    Approval.pending("a2").decide(ApprovalStatus.REJECTED, "bob", now, "too risky!!")));
            tx.steps()
                    .insert(withGatedAt(Fixtures.step(tenant, wf, "new", 3, now), now.plusSeconds(2))
                            .withApproval(Approval.pending("a3")));
            tx.steps().insert(Fixtures.step(tenant, wf, "plain", 4, now));
            return null;
        });
        List<PendingStep> pending = db().inTransaction((Tx tx) -> tx.steps().pending(tenant, 20));
        assertThat(pending).extracting(p -> p.step().stepId()).containsExactly("new", "old");
        assertThat(pending).allSatisfy(p -> assertThat(p.workflowName()).isEqualTo("code-review"));
        assertThat(db().inTransaction((Tx tx) -> tx.steps().pending(tenant, 1))).hasSize(1);
        assertThat(db().inTransaction((Tx tx) -> tx.steps().pending(Fixtures.tenant(), 20)))
                .isEmpty();
    }

    @Test
    void totals_sumLatestUsage_andListDistinctTools() {
        String tenant = Fixtures.tenant();
        String wf = Fixtures.workflowId();
        Instant now = clock().instant();
        db().inTransaction((Tx tx) -> {
            tx.workflows().insert(Fixtures.workflow(tenant, wf, now));
            assertThat(tx.steps().totals(tenant, wf)).isEqualTo(WorkflowTotals.EMPTY);
            tx.steps().insert(Fixtures.step(tenant, wf, "a", 1, now));
            StepRecord b = Fixtures.step(tenant, wf, "b", 2, now);
            tx.steps()
                    .insert(b.withRequest(
                            "read",
                            "tool_call",
                            new StepRequest(null, null, null, null, "read_secrets", "function", null, null)));
            StepRecord c = Fixtures.step(tenant, wf, "c", 3, now).withUsage(Usage.NONE);
            tx.steps().insert(c.withUsage(c.usage().overwrittenBy(new Usage(10L, null, new BigDecimal("1.5")))));
            return null;
        });
        WorkflowTotals totals = db().inTransaction((Tx tx) -> tx.steps().totals(tenant, wf));
        assertThat(totals.costUsd()).isEqualByComparingTo("1.5042");
        assertThat(totals.tokensIn()).isEqualTo(250);
        assertThat(totals.tokensOut()).isEqualTo(680);
        assertThat(totals.stepCount()).isEqualTo(3);
        assertThat(totals.toolsUsed()).containsExactly("http_post", "read_secrets");
        assertThat(db().inTransaction((Tx tx) -> tx.steps().totals(Fixtures.tenant(), wf)))
                .isEqualTo(WorkflowTotals.EMPTY);
    }

    static StepRecord withGatedAt(StepRecord s, Instant at) {
        GateResult g = s.gate();
        return s.withGate(new GateResult(
                g.decision(),
                g.decisionId(),
                g.reason(),
                g.policiesEvaluatedCount(),
                g.policiesEvaluatedJson(),
                g.policiesMatchedJson(),
                at));
    }
}
