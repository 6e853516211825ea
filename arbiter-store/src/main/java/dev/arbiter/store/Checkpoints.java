package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Checkpoints of one transaction, scoped by tenant: each step row is one (its gate is where a workflow
 * can be resumed), numbered by {@code checkpoint_id}. Step writes never touch the checkpoint columns, so
 * a checkpoint keeps its number and resume count while its step is re-gated. Not thread-safe; used by the
 * thread that runs the transaction.
 */
public final class Checkpoints {
    private static final String SELECT = "SELECT checkpoint_id, resume_count, last_resumed_at, " + StepRows.COLUMNS
            + " FROM workflow_steps WHERE tenant_id = :tenant AND workflow_id = :workflow";

    private final Handle handle;

    Checkpoints(Handle handle) {
        this.handle = handle;
    }

    /** The workflow's checkpoints ordered by step index. */
    public List<CheckpointRecord> list(String tenantId, String workflowId) {
        return query(SELECT + " ORDER BY step_index", tenantId, workflowId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** The checkpoint, if it belongs to this workflow in this tenant. */
    public Optional<CheckpointRecord> find(String tenantId, String workflowId, long checkpointId) {
        return query(SELECT + " AND checkpoint_id = :id", tenantId, workflowId)
                .bind("id", checkpointId)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** The resumable checkpoint (its gate did not block) with the highest step index, if any. */
    public Optional<CheckpointRecord> latestResumable(String tenantId, String workflowId) {
        return query(SELECT + " AND decision <> 'block' ORDER BY step_index DESC LIMIT 1", tenantId, workflowId)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** Counts one resume from the step's checkpoint; returns false if the step does not exist in this tenant. */
    public boolean resumed(String tenantId, String workflowId, String stepId, Instant at) {
        return handle.createUpdate("UPDATE workflow_steps SET resume_count = resume_count + 1,"
                                + " last_resumed_at = :at WHERE tenant_id = :tenant AND workflow_id = :workflow"
                                + " AND step_id = :step")
                        .bind("at", Sql.ts(at))
                        .bind("tenant", tenantId)
                        .bind("workflow", workflowId)
                        .bind("step", stepId)
                        .execute()
                == 1;
    }

    private Query query(String sql, String tenantId, String workflowId) {
        return handle.createQuery(sql).bind("tenant", tenantId).bind("workflow", workflowId);
    }

    private static CheckpointRecord map(ResultSet rs) throws SQLException {
        return new CheckpointRecord(
                rs.getLong("checkpoint_id"),
                rs.getInt("resume_count"),
                Sql.nullableInstant(rs, "last_resumed_at"),
                StepRows.map(rs));
    }
}
