package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The column list of {@code workflow_steps} and its row mapper; stateless. */
final class StepRows {
    private static final String[][] COLUMN_PARAMS = {
        {"tenant_id", "tenant"},
        {"workflow_id", "workflow"},
        {"step_id", "step"},
        {"step_index", "idx"},
        {"step_name", "name"},
        {"step_type", "type"},
        {"step_input", "input"},
        {"input_hash", "inputHash"},
        {"model", "model"},
        {"provider", "provider"},
        {"tool_name", "toolName"},
        {"tool_type", "toolType"},
        {"tool_context", "toolContext"},
        {"idempotency_key", "idemKey"},
        {"decision", "decision"},
        {"decision_id", "decisionId"},
        {"decision_reason", "reason"},
        {"policies_evaluated_count", "evalCount"},
        {"policies_evaluated", "evaluated"},
        {"policies_matched", "matched"},
        {"gate_checked_at", "gatedAt"},
        {"tokens_in", "tokensIn"},
        {"tokens_out", "tokensOut"},
        {"cost_usd", "cost"},
        {"approval_id", "approvalId"},
        {"approval_status", "approvalStatus"},
        {"approved_by", "approvedBy"},
        {"approved_at", "approvedAt"},
        {"approval_comment", "approvalComment"},
        {"gate_count", "gateCount"},
        {"first_attempt_at", "firstAttempt"},
        {"last_attempt_at", "lastAttempt"},
        {"last_decision", "lastDecision"},
        {"step_output", "output"},
        {"step_completed_at", "completedAt"},
        {"completion_count", "completionCount"}
    };

    static final String COLUMNS = Arrays.stream(COLUMN_PARAMS).map(c -> c[0]).collect(Collectors.joining(", "));
    /** The insert of a whole row: bind {@link #bindKey}, then {@link #bindValues}. */
    static final String INSERT = "INSERT INTO workflow_steps (" + COLUMNS + ") VALUES ("
            + Arrays.stream(COLUMN_PARAMS).map(c -> "?").collect(Collectors.joining(", ")) + ")";
    /** The overwrite of every column but the key (never rewritten): bind {@link #bindValues}, then {@link #bindKey}. */
    static final String UPDATE = "UPDATE workflow_steps SET "
            + Arrays.stream(COLUMN_PARAMS).skip(3).map(c -> c[0] + " = ?").collect(Collectors.joining(", "))
            + " WHERE tenant_id = ? AND workflow_id = ? AND step_id = ?";

    private StepRows() {}

    /** Binds the key columns, tenant, workflow and step id, in that order. */
    static Positional bindKey(Positional p, StepRecord s) {
        return p.string(s.tenantId()).string(s.workflowId()).string(s.stepId());
    }

    /** Binds every column after the key, in the order of {@link #COLUMNS}. */
    static Positional bindValues(Positional p, StepRecord s) {
        StepRequest r = s.request();
        GateResult g = s.gate();
        Approval a = s.approval();
        Attempts t = s.attempts();
        Completion c = s.completion();
        return p.integer(s.stepIndex())
                .string(s.stepName())
                .string(s.stepType())
                .string(r.stepInputJson())
                .string(r.inputHash())
                .string(r.model())
                .string(r.provider())
                .string(r.toolName())
                .string(r.toolType())
                .string(r.toolContextJson())
                .string(r.idempotencyKey())
                .string(g.decision().wire())
                .string(g.decisionId())
                .string(g.reason())
                .integer(g.policiesEvaluatedCount())
                .string(g.policiesEvaluatedJson())
                .string(g.policiesMatchedJson())
                .timestamp(g.gatedAt())
                .nullableLong(s.usage().tokensIn())
                .nullableLong(s.usage().tokensOut())
                .decimal(s.usage().costUsd())
                .string(a.approvalId())
                .string(a.status() == null ? null : a.status().wire())
                .string(a.actor())
                .timestamp(a.decidedAt())
                .string(a.comment())
                .integer(t.gateCount())
                .timestamp(t.firstAttemptAt())
                .timestamp(t.lastAttemptAt())
                .string(t.lastDecision().wire())
                .string(c.outputJson())
                .timestamp(c.completedAt())
                .integer(c.completionCount());
    }

    static String qualified(String alias) {
        return Arrays.stream(COLUMN_PARAMS).map(c -> alias + "." + c[0]).collect(Collectors.joining(", "));
    }

    static StepRecord map(ResultSet rs) throws SQLException {
        String approvalStatus = rs.getString("approval_status");
        return new StepRecord(
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "workflow_id"),
                Sql.string(rs, "step_id"),
                rs.getInt("step_index"),
                rs.getString("step_name"),
                Sql.string(rs, "step_type"),
                new StepRequest(
                        rs.getString("step_input"),
                        rs.getString("input_hash"),
                        rs.getString("model"),
                        rs.getString("provider"),
                        rs.getString("tool_name"),
                        rs.getString("tool_type"),
                        rs.getString("tool_context"),
                        rs.getString("idempotency_key")),
                new GateResult(
                        StepDecision.fromWire(Sql.string(rs, "decision")),
                        Sql.string(rs, "decision_id"),
                        rs.getString("decision_reason"),
                        rs.getInt("policies_evaluated_count"),
                        Sql.string(rs, "policies_evaluated"),
                        Sql.string(rs, "policies_matched"),
                        Sql.instant(rs, "gate_checked_at")),
                new Usage(
                        Sql.nullableLong(rs, "tokens_in"),
                        Sql.nullableLong(rs, "tokens_out"),
                        Sql.nullableDecimal(rs, "cost_usd")),
                new Approval(
                        rs.getString("approval_id"),
                        approvalStatus == null ? null : ApprovalStatus.fromWire(approvalStatus),
                        rs.getString("approved_by"),
                        Sql.nullableInstant(rs, "approved_at"),
                        rs.getString("approval_comment")),
                new Attempts(
                        rs.getInt("gate_count"),
                        Sql.instant(rs, "first_attempt_at"),
                        Sql.instant(rs, "last_attempt_at"),
                        StepDecision.fromWire(Sql.string(rs, "last_decision"))),
                new Completion(
                        rs.getString("step_output"),
                        Sql.nullableInstant(rs, "step_completed_at"),
                        rs.getInt("completion_count")));
    }
}
