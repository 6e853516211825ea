package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** The column list of {@code audit_logs}, its insert and its row mapper; stateless. */
final class AuditRows {
    static final String COLUMNS = "id, tenant_id, seq, logged_at, request_id, request_type, policy_decision,"
            + " client_id, user_email, query, decision_id, policies_evaluated, policies_matched, policy_details,"
            + " provider, model, tokens_used, cost, latency_ms, prev_hash, hash";

    private static final String INSERT = "INSERT INTO audit_logs (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {}

    static void insert(Handle handle, AuditRecord r) {
        AuditEntry e = r.entry();
        try (Positional insert = Positional.prepare(handle, INSERT)) {
            insert.string(r.id())
                    .string(e.tenantId())
                    .longInteger(r.seq())
                    .timestamp(r.timestamp())
                    .string(e.requestId())
                    .string(e.requestType())
                    .string(e.policyDecision())
                    .string(e.clientId())
                    .string(e.userEmail())
                    .string(e.query())
                    .string(e.decisionId())
                    .string(e.policiesEvaluatedJson())
                    .string(e.policiesMatchedJson())
                    .string(e.detailsJson())
                    .string(e.provider())
                    .string(e.model())
                    .nullableLong(e.tokensUsed())
                    .decimal(e.costUsd())
                    .nullableLong(e.latencyMs())
                    .string(r.prevHash())
                    .string(r.hash())
                    .update();
        }
    }

    static AuditRecord map(ResultSet rs) throws SQLException {
        AuditEntry entry = new AuditEntry(
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "request_id"),
                Sql.string(rs, "request_type"),
                Sql.string(rs, "policy_decision"),
                rs.getString("client_id"),
                rs.getString("user_email"),
                rs.getString("query"),
                rs.getString("decision_id"),
                Sql.string(rs, "policies_evaluated"),
                Sql.string(rs, "policies_matched"),
                Sql.string(rs, "policy_details"),
                rs.getString("provider"),
                rs.getString("model"),
                Sql.nullableLong(rs, "tokens_used"),
                Sql.nullableDecimal(rs, "cost"),
                Sql.nullableLong(rs, "latency_ms"));
        return new AuditRecord(
                Sql.string(rs, "id"),
                rs.getLong("seq"),
                Sql.instant(rs, "logged_at"),
                entry,
                Sql.string(rs, "prev_hash"),
                Sql.string(rs, "hash"));
    }
}
