package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/** The column list of {@code audit_logs}, its insert and its row mapper; stateless. */
final class AuditRows {
    static final String COLUMNS = "id, tenant_id, seq, logged_at, request_id, request_type, policy_decision,"
            + " client_id, user_email, query, decision_id, policies_evaluated, policies_matched, policy_details,"
            + " provider, model, tokens_used, cost, latency_ms, prev_hash, hash";

    private AuditRows() {}

    static void insert(Handle handle, AuditRecord r) {
        AuditEntry e = r.entry();
        handle.createUpdate("INSERT INTO audit_logs (" + COLUMNS + ") VALUES (:id, :tenant, :seq, :at, :request,"
                        + " :type, :decision, :client, :email, :query, :decisionId, :evaluated, :matched, :details,"
                        + " :provider, :model, :tokens, :cost, :latency, :prev, :hash)")
                .bind("id", r.id())
                .bind("tenant", e.tenantId())
                .bind("seq", r.seq())
                .bind("at", Sql.ts(r.timestamp()))
                .bind("request", e.requestId())
                .bind("type", e.requestType())
                .bind("decision", e.policyDecision())
                .bind("client", e.clientId())
                .bind("email", e.userEmail())
                .bind("query", e.query())
                .bind("decisionId", e.decisionId())
                .bind("evaluated", e.policiesEvaluatedJson())
                .bind("matched", e.policiesMatchedJson())
                .bind("details", e.detailsJson())
                .bind("provider", e.provider())
                .bind("model", e.model())
                .bind("tokens", e.tokensUsed())
                .bind("cost", e.costUsd())
                .bind("latency", e.latencyMs())
                .bind("prev", r.prevHash())
                .bind("hash", r.hash())
                .execute();
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
