package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Workflow rows of one transaction. Every method is scoped by tenant: another tenant's workflow is simply
 * not found. Not thread-safe; used by the thread that runs the transaction.
 */
public final class Workflows {
    private static final String COLUMNS = "tenant_id, workflow_id, workflow_name, source, status, current_step_index,"
            + " total_steps, trace_id, metadata, client_id, reason, created_at, updated_at, completed_at";

    /** The row with its running totals, by key; {@link #LOCK} also locks it. */
    private static final String READ_WITH_TOTALS = "SELECT " + COLUMNS + ", " + LockedTotals.COLUMNS
            + " FROM workflows WHERE tenant_id = ? AND workflow_id = ?";

    private static final String LOCK = READ_WITH_TOTALS + RowLocks.TAKEN.forUpdate();
    private static final String UPDATE = "UPDATE workflows SET status = ?, current_step_index = ?, total_steps = ?,"
            + " metadata = ?, reason = ?, updated_at = ?, completed_at = ? WHERE tenant_id = ? AND workflow_id = ?";

    private final Handle handle;
    private final LockedTotals locked;
    private final RowLocks rowLocks;

    Workflows(Handle handle, LockedTotals locked, RowLocks rowLocks) {
        this.handle = handle;
        this.locked = locked;
        this.rowLocks = rowLocks;
    }

    /** Inserts a new workflow; an id already taken is a {@link DuplicateKeyException}. */
    public void insert(WorkflowRecord w) {
        handle.createUpdate("INSERT INTO workflows (" + COLUMNS + ") VALUES (:tenant, :id, :name, :source, :status,"
                        + " :idx, :total, :trace, :metadata, :client, :reason, :created, :updated, :completed)")
                .bind("tenant", w.tenantId())
                .bind("id", w.id())
                .bind("name", w.name())
                .bind("source", w.source())
                .bind("status", w.status().wire())
                .bind("idx", w.currentStepIndex())
                .bind("total", w.totalSteps())
                .bind("trace", w.traceId())
                .bind("metadata", w.metadataJson())
                .bind("client", w.clientId())
                .bind("reason", w.reason())
                .bind("created", Sql.ts(w.createdAt()))
                .bind("updated", Sql.ts(w.updatedAt()))
                .bind("completed", Sql.ts(w.completedAt()))
                .execute();
    }

    /** The workflow, if it exists in this tenant. */
    public Optional<WorkflowRecord> find(String tenantId, String id) {
        return handle.createQuery(
                        "SELECT " + COLUMNS + " FROM workflows WHERE tenant_id = :tenant AND workflow_id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /**
     * The workflow, locked until this transaction ends ({@code SELECT ... FOR UPDATE} where other writers may
     * run, {@link RowLocks}; on a database only this process writes, its one writer thread): concurrent gates,
     * completions and approvals of one workflow run one after the other, so step indices stay dense and
     * unique. Lock the workflow first and append audit records last, so that locks are always taken in the
     * same order.
     */
    public Optional<WorkflowRecord> lockForUpdate(String tenantId, String id) {
        // The running totals come with the lock, so that the gate that takes it needs no other read of the row.
        Optional<Map.Entry<WorkflowRecord, LockedTotals.Row>> row;
        try (Positional lock = Positional.prepare(handle, rowLocks == RowLocks.TAKEN ? LOCK : READ_WITH_TOTALS)) {
            row = lock.string(tenantId).string(id).first(rs -> Map.entry(map(rs), LockedTotals.Row.of(rs)));
        }
        row.ifPresent(found -> locked.put(tenantId, id, found.getValue()));
        return row.map(Map.Entry::getKey);
    }

    /**
     * Writes the mutable fields (status, step index, total steps, metadata, reason, timestamps) of a
     * workflow; returns false if it does not exist in this tenant.
     */
    public boolean update(WorkflowRecord w) {
        try (Positional update = Positional.prepare(handle, UPDATE)) {
            return update.string(w.status().wire())
                            .integer(w.currentStepIndex())
                            .nullableInt(w.totalSteps())
                            .string(w.metadataJson())
                            .string(w.reason())
                            .timestamp(w.updatedAt())
                            .timestamp(w.completedAt())
                            .string(w.tenantId())
                            .string(w.id())
                            .update()
                    == 1;
        }
    }

    /** One page of a tenant's workflows, newest first, with the total count of matches. */
    public Page<WorkflowRecord> list(WorkflowQuery q) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = :tenant");
        if (q.status() != null) {
            where.append(" AND status = :status");
        }
        if (q.source() != null) {
            where.append(" AND source = :source");
        }
        if (q.traceId() != null) {
            where.append(" AND trace_id = :trace");
        }
        long total = bindFilters(handle.createQuery("SELECT COUNT(*) FROM workflows" + where), q)
                .mapTo(Long.class)
                .one();
        List<WorkflowRecord> rows = bindFilters(
                        handle.createQuery("SELECT " + COLUMNS + " FROM workflows" + where
                                + " ORDER BY created_at DESC, workflow_id DESC LIMIT :limit OFFSET :offset"),
                        q)
                .bind("limit", q.limit())
                .bind("offset", q.offset())
                .map((rs, ctx) -> map(rs))
                .list();
        return new Page<>(rows, total, q.limit(), q.offset());
    }

    private static Query bindFilters(Query query, WorkflowQuery q) {
        query.bind("tenant", q.tenantId());
        if (q.status() != null) {
            query.bind("status", q.status().wire());
        }
        if (q.source() != null) {
            query.bind("source", q.source());
        }
        if (q.traceId() != null) {
            query.bind("trace", q.traceId());
        }
        return query;
    }

    static WorkflowRecord map(ResultSet rs) throws SQLException {
        return new WorkflowRecord(
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "workflow_id"),
                Sql.string(rs, "workflow_name"),
                Sql.string(rs, "source"),
                WorkflowStatus.fromWire(Sql.string(rs, "status")),
                rs.getInt("current_step_index"),
                Sql.nullableInt(rs, "total_steps"),
                rs.getString("trace_id"),
                Sql.string(rs, "metadata"),
                rs.getString("client_id"),
                rs.getString("reason"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.nullableInstant(rs, "completed_at"));
    }
}
