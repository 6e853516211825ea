package dev.arbiter.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * Step rows of one transaction, scoped by tenant. A step's index must be unique within its workflow (a
 * database constraint); take it from the workflow locked with {@link Workflows#lockForUpdate}. Not
 * thread-safe; used by the thread that runs the transaction.
 */
public final class Steps {
    private static final String FIND = "SELECT " + StepRows.COLUMNS + " FROM workflow_steps"
            + " WHERE tenant_id = ? AND workflow_id = ? AND step_id = ?";
    private static final String PENDING_AT_INDEX = "SELECT " + StepRows.COLUMNS + " FROM workflow_steps"
            + " WHERE tenant_id = ? AND workflow_id = ? AND step_index = ? AND approval_status = 'pending'";

    private final Handle handle;
    private final RunningTotals totals;

    Steps(Handle handle, LockedTotals locked) {
        this.handle = handle;
        this.totals = new RunningTotals(handle, locked);
    }

    /**
     * Inserts a step and adds it to the workflow's running totals; an existing {@code (workflow, step_id)} or a
     * taken index is a {@link DuplicateKeyException}.
     */
    public void insert(StepRecord s) {
        try (Positional insert = Positional.prepare(handle, StepRows.INSERT)) {
            StepRows.bindValues(StepRows.bindKey(insert, s), s).update();
        }
        totals.added(s);
    }

    /**
     * Overwrites every field of an existing step and moves the workflow's running totals by the difference;
     * returns false if it does not exist in this tenant.
     */
    public boolean update(StepRecord s) {
        Optional<RunningTotals.Figures> old = totals.figures(s.tenantId(), s.workflowId(), s.stepId());
        if (old.isEmpty()) {
            return false;
        }
        boolean updated;
        try (Positional update = Positional.prepare(handle, StepRows.UPDATE)) {
            updated = StepRows.bindKey(StepRows.bindValues(update, s), s).update() == 1;
        }
        if (updated) {
            totals.replaced(old.get(), s);
        }
        return updated;
    }

    /** The step, if its workflow exists in this tenant. */
    public Optional<StepRecord> find(String tenantId, String workflowId, String stepId) {
        try (Positional find = Positional.prepare(handle, FIND)) {
            return find.string(tenantId).string(workflowId).string(stepId).first(StepRows::map);
        }
    }

    /** A step, and the workflow's last step when that is another one awaiting approval, as a gate needs them. */
    public record StepAndLast(Optional<StepRecord> step, Optional<StepRecord> pendingLast) {}

    /**
     * The step {@code stepId} and, if it is another step awaiting approval, the step at {@code lastIndex}: a
     * gate looks for its own step and for a pending approval on the workflow's last one (the pending-approval
     * guard), whose index it read with the workflow's lock (the {@code current_step_index} that every step
     * write keeps at the highest). A last step that awaits nothing is not read: the guard has no use for it,
     * and its row is as large as any step's. Two statements, not one {@code UNION ALL}: H2 caches neither a
     * union's plan nor a {@code FOR UPDATE}'s, and parsing the union on every gate cost more than the
     * second statement.
     */
    public StepAndLast findWithLast(String tenantId, String workflowId, String stepId, int lastIndex) {
        Optional<StepRecord> step = find(tenantId, workflowId, stepId);
        Optional<StepRecord> last;
        try (Positional pendingAt = Positional.prepare(handle, PENDING_AT_INDEX)) {
            last = pendingAt
                    .string(tenantId)
                    .string(workflowId)
                    .integer(lastIndex)
                    .first(StepRows::map)
                    .filter(pending -> !pending.stepId().equals(stepId));
        }
        return new StepAndLast(step, last);
    }

    /** The workflow's steps ordered by index. */
    public List<StepRecord> list(String tenantId, String workflowId) {
        return handle.createQuery("SELECT " + StepRows.COLUMNS + " FROM workflow_steps WHERE tenant_id = :tenant"
                        + " AND workflow_id = :workflow ORDER BY step_index")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .map((rs, ctx) -> StepRows.map(rs))
                .list();
    }

    /**
     * The step with the highest index (the pending-approval guard looks at it), if any: the one at the
     * workflow's {@code current_step_index}, which every step write keeps at the highest index written.
     */
    public Optional<StepRecord> last(String tenantId, String workflowId) {
        // The last step is the one at the workflow's current index: a lookup in the (workflow_id, step_index)
        // index. Sorting the workflow's steps by index instead read every one of them (H2 chose the primary
        // key, whose prefix is the workflow), which made each gate slower the longer its workflow.
        return handle.createQuery("SELECT " + StepRows.COLUMNS + " FROM workflow_steps WHERE tenant_id = :tenant"
                        + " AND workflow_id = :workflow AND step_index = (SELECT current_step_index FROM workflows"
                        + " WHERE workflow_id = :workflow)")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .map((rs, ctx) -> StepRows.map(rs))
                .findOne();
    }

    /** Steps awaiting approval in this tenant, most recently gated first. */
    public List<PendingStep> pending(String tenantId, int limit) {
        return pending(tenantId, limit, null);
    }

    /**
     * Steps awaiting approval in this tenant that were gated after {@code gatedAfter} (older ones have timed
     * out), most recently gated first.
     */
    public List<PendingStep> pending(String tenantId, int limit, @Nullable Instant gatedAfter) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        Query query = handle.createQuery("SELECT w.workflow_name AS pending_workflow_name, "
                        + StepRows.qualified("s")
                        + " FROM workflow_steps s JOIN workflows w ON w.workflow_id = s.workflow_id"
                        + " AND w.tenant_id = s.tenant_id WHERE s.tenant_id = :tenant"
                        + " AND s.approval_status = 'pending'"
                        + (gatedAfter == null ? "" : " AND s.gate_checked_at > :after")
                        + " ORDER BY s.gate_checked_at DESC, s.workflow_id, s.step_index LIMIT :limit")
                .bind("tenant", tenantId)
                .bind("limit", limit);
        if (gatedAfter != null) {
            query.bind("after", Sql.ts(gatedAfter));
        }
        return query.map((rs, ctx) -> new PendingStep(Sql.string(rs, "pending_workflow_name"), StepRows.map(rs)))
                .list();
    }

    /**
     * Steps still marked pending although their gate ran at or before {@code gatedAtOrBefore}: approvals a
     * timeout has made overdue, oldest first. A {@code null} tenant looks in every tenant; that scan, for the
     * expiry sweeper, is the one read of steps not scoped by tenant.
     */
    public List<StepRecord> overdue(@Nullable String tenantId, Instant gatedAtOrBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        Query query = handle.createQuery("SELECT " + StepRows.COLUMNS + " FROM workflow_steps"
                        + " WHERE approval_status = 'pending' AND gate_checked_at <= :cutoff"
                        + (tenantId == null ? "" : " AND tenant_id = :tenant")
                        + " ORDER BY gate_checked_at, tenant_id, workflow_id, step_index LIMIT :limit")
                .bind("cutoff", Sql.ts(gatedAtOrBefore))
                .bind("limit", limit);
        if (tenantId != null) {
            query.bind("tenant", tenantId);
        }
        return query.map((rs, ctx) -> StepRows.map(rs)).list();
    }

    /**
     * The workflow's cross-step facts for policies (spend, tokens, step count, tools used), read from the
     * running totals on its row: one lookup however many steps it has. Beyond {@link ToolNames#MAX} distinct
     * tools the tool list comes from a scan of the steps.
     */
    public WorkflowTotals totals(String tenantId, String workflowId) {
        return totals.read(tenantId, workflowId);
    }

    /**
     * The same facts computed by scanning every step: what the running totals must always equal. For checks
     * and repairs, not for the gate.
     */
    public WorkflowTotals scanTotals(String tenantId, String workflowId) {
        WorkflowTotals sums = handle.createQuery("SELECT COALESCE(SUM(cost_usd), 0) AS cost,"
                        + " COALESCE(SUM(tokens_in), 0) AS tin, COALESCE(SUM(tokens_out), 0) AS tout,"
                        + " COUNT(*) AS n FROM workflow_steps WHERE tenant_id = :tenant AND workflow_id = :workflow")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .map((rs, ctx) -> new WorkflowTotals(
                        rs.getBigDecimal("cost"), rs.getLong("tin"), rs.getLong("tout"), rs.getInt("n"), List.of()))
                .one();
        return new WorkflowTotals(
                RunningTotals.normalised(sums.costUsd()),
                sums.tokensIn(),
                sums.tokensOut(),
                sums.stepCount(),
                totals.distinctTools(tenantId, workflowId));
    }
}
