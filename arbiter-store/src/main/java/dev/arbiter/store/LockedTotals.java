package dev.arbiter.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The running totals of the workflow rows one transaction has locked, as it read them with the lock and
 * has written them since. While a transaction holds a workflow's row lock nobody else changes the row, so
 * a gate reads its cross-step facts and the stored tool list from here instead of reading the row twice
 * more. Belongs to one {@link Tx} (one savepoint of a batch), so a rolled-back write takes its figures
 * with it. Not thread-safe.
 */
final class LockedTotals {
    /** The {@code workflows} columns {@link RunningTotals} keeps; {@code tools} is null beyond the bound. */
    record Row(
            BigDecimal cost,
            long tokensIn,
            long tokensOut,
            int steps,
            @Nullable String tools) {

        /** The columns named by {@link #COLUMNS} of the current row. */
        static Row of(ResultSet rs) throws SQLException {
            return new Row(
                    rs.getBigDecimal("total_cost_usd"),
                    rs.getLong("total_tokens_in"),
                    rs.getLong("total_tokens_out"),
                    rs.getInt("step_count"),
                    rs.getString("tools_used"));
        }
    }

    /** The {@code workflows} columns a {@link Row} is read from. */
    static final String COLUMNS = "total_cost_usd, total_tokens_in, total_tokens_out, step_count, tools_used";

    private final Map<String, Row> rows = new HashMap<>(4);

    void put(String tenantId, String workflowId, Row row) {
        rows.put(key(tenantId, workflowId), row);
    }

    /** The row's totals if this transaction holds its lock, else {@code null}. */
    @Nullable
    Row get(String tenantId, String workflowId) {
        return rows.get(key(tenantId, workflowId));
    }

    private static String key(String tenantId, String workflowId) {
        return tenantId + '\u0000' + workflowId;
    }
}
