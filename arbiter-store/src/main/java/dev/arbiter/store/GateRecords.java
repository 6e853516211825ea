package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The append-only log of fresh gate evaluations that policy simulation replays, scoped by tenant. Not
 * thread-safe; used by the thread that runs the transaction.
 */
public final class GateRecords {
    private static final String COLUMNS = "id, tenant_id, workflow_id, step_id, decision_id, gated_at, decision,"
            + " outcome, policy_ids, shadow_policy_ids, tenant_set_version, global_set_version, context,"
            + " truncated_keys";

    /** Keyset continuation: strictly after the previous page's last (gated_at, id). */
    private static final String AFTER = " AND (gated_at > :afterAt OR (gated_at = :afterAt AND id > :afterId))";

    private static final String INSERT = "INSERT INTO gate_records (tenant_id, workflow_id, step_id, decision_id,"
            + " gated_at, decision, outcome, policy_ids, shadow_policy_ids, tenant_set_version, global_set_version,"
            + " context, truncated_keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Handle handle;

    GateRecords(Handle handle) {
        this.handle = handle;
    }

    /** Appends a record (its {@code id} is ignored) and returns the id the store assigned. */
    public long append(GateRecord r) {
        try (Positional insert = Positional.prepare(handle, INSERT, "id")) {
            return bind(insert, r).insertReturningKey();
        }
    }

    /**
     * Appends a record (its {@code id} is ignored) without reading back its id: what a gate does, once per
     * fresh decision, where fetching the generated key was measured as a noticeable share of the gate's cost.
     */
    public void add(GateRecord r) {
        try (Positional insert = Positional.prepare(handle, INSERT)) {
            bind(insert, r).update();
        }
    }

    private static Positional bind(Positional insert, GateRecord r) {
        return insert.string(r.tenantId())
                .string(r.workflowId())
                .string(r.stepId())
                .string(r.decisionId())
                .timestamp(r.gatedAt())
                .string(r.decision())
                .string(r.outcome())
                .string(r.policyIdsJson())
                .string(r.shadowPolicyIdsJson())
                .longInteger(r.tenantSetVersion())
                .longInteger(r.globalSetVersion())
                .string(r.contextJson())
                .string(r.truncatedKeysJson());
    }

    /**
     * The tenant's records with {@code from <= gated_at < to}, oldest first, at most {@code limit}. Ask for one
     * more than you will use to learn whether the window held more.
     */
    public List<GateRecord> window(String tenantId, Instant from, Instant to, int limit) {
        return window(tenantId, from, to, null, limit);
    }

    /**
     * As {@link #window(String, Instant, Instant, int)}, continuing after {@code after} (the last record of the
     * previous page), so a long window can be read page by page in bounded memory.
     */
    public List<GateRecord> window(String tenantId, Instant from, Instant to, @Nullable GateRecord after, int limit) {
        checkLimit(limit);
        return handle.createQuery("SELECT " + COLUMNS + " FROM gate_records WHERE tenant_id = :tenant"
                        + " AND gated_at >= :from AND gated_at < :to" + AFTER + " ORDER BY gated_at, id LIMIT :limit")
                .bind("tenant", tenantId)
                .bind("from", Sql.ts(from))
                .bind("to", Sql.ts(to))
                .bind("afterAt", Sql.ts(after == null ? Instant.EPOCH : after.gatedAt()))
                .bind("afterId", after == null ? Long.MIN_VALUE : after.id())
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** The tenant's records of these workflows, oldest first, after {@code after}, at most {@code limit}. */
    public List<GateRecord> forWorkflows(
            String tenantId, List<String> workflowIds, @Nullable GateRecord after, int limit) {
        checkLimit(limit);
        if (workflowIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + COLUMNS + " FROM gate_records WHERE tenant_id = :tenant"
                        + " AND workflow_id IN (<workflows>)" + AFTER + " ORDER BY gated_at, id LIMIT :limit")
                .bind("tenant", tenantId)
                .bindList("workflows", workflowIds)
                .bind("afterAt", Sql.ts(after == null ? Instant.EPOCH : after.gatedAt()))
                .bind("afterId", after == null ? Long.MIN_VALUE : after.id())
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** The tenant's records of these workflows, oldest first, at most {@code limit}. */
    public List<GateRecord> forWorkflows(String tenantId, List<String> workflowIds, int limit) {
        return forWorkflows(tenantId, workflowIds, null, limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
    }

    private static GateRecord map(ResultSet rs) throws SQLException {
        return new GateRecord(
                rs.getLong("id"),
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "workflow_id"),
                Sql.string(rs, "step_id"),
                Sql.string(rs, "decision_id"),
                Sql.instant(rs, "gated_at"),
                Sql.string(rs, "decision"),
                Sql.string(rs, "outcome"),
                Sql.string(rs, "policy_ids"),
                Sql.string(rs, "shadow_policy_ids"),
                rs.getLong("tenant_set_version"),
                rs.getLong("global_set_version"),
                Sql.string(rs, "context"),
                rs.getString("truncated_keys"));
    }
}
