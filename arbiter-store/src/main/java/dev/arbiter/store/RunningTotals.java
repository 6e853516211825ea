package dev.arbiter.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The running totals on the {@code workflows} row (V11): kept by {@link Steps} in the transaction of each
 * step write, so a gate reads its cross-step facts in one row lookup however many steps the workflow has.
 * Steps are written under the workflow's row lock, so the read-modify-write of {@code tools_used} does not
 * race. A workflow locked in this transaction has its totals in {@link LockedTotals}, read with the lock:
 * then neither the totals nor the stored tool list is read again, and every change here is kept there too.
 * Not thread-safe; used by the thread that runs the transaction.
 */
final class RunningTotals {
    private static final String ADD_FIGURES = "UPDATE workflows SET total_cost_usd = total_cost_usd + ?,"
            + " total_tokens_in = total_tokens_in + ?, total_tokens_out = total_tokens_out + ?,"
            + " step_count = step_count + ?";
    private static final String BY_KEY = " WHERE tenant_id = ? AND workflow_id = ?";
    private static final String ADD = ADD_FIGURES + BY_KEY;
    private static final String ADD_WITH_TOOLS = ADD_FIGURES + ", tools_used = ?" + BY_KEY;

    private final Handle handle;
    private final LockedTotals locked;

    RunningTotals(Handle handle, LockedTotals locked) {
        this.handle = handle;
        this.locked = locked;
    }

    /** The figures of a step that count towards the totals. */
    record Figures(
            @Nullable Long tokensIn,
            @Nullable Long tokensOut,
            @Nullable BigDecimal costUsd,
            @Nullable String tool) {
        static Figures of(StepRecord s) {
            Usage u = s.usage();
            return new Figures(
                    u.tokensIn(), u.tokensOut(), u.costUsd(), s.request().toolName());
        }
    }

    /** The stored figures of a step, read before it is overwritten. */
    Optional<Figures> figures(String tenantId, String workflowId, String stepId) {
        return handle.createQuery("SELECT tokens_in, tokens_out, cost_usd, tool_name FROM workflow_steps"
                        + " WHERE tenant_id = :tenant AND workflow_id = :workflow AND step_id = :step")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .bind("step", stepId)
                .map((rs, ctx) -> new Figures(
                        Sql.nullableLong(rs, "tokens_in"),
                        Sql.nullableLong(rs, "tokens_out"),
                        rs.getBigDecimal("cost_usd"),
                        rs.getString("tool_name")))
                .findOne();
    }

    /** Counts a freshly inserted step. */
    void added(StepRecord s) {
        apply(s.tenantId(), s.workflowId(), new Figures(null, null, null, null), Figures.of(s), 1);
    }

    /** Replaces an overwritten step's old figures by its new ones (the tool list changes only if its tool did). */
    void replaced(Figures old, StepRecord s) {
        apply(s.tenantId(), s.workflowId(), old, Figures.of(s), 0);
    }

    /** The totals of the workflow, or {@link WorkflowTotals#EMPTY} if it does not exist in this tenant. */
    WorkflowTotals read(String tenantId, String workflowId) {
        LockedTotals.Row held = locked.get(tenantId, workflowId);
        Optional<LockedTotals.Row> row = held != null ? Optional.of(held) : stored(tenantId, workflowId);
        if (row.isEmpty()) {
            return WorkflowTotals.EMPTY;
        }
        LockedTotals.Row r = row.get();
        List<String> tools =
                r.tools() == null ? distinctTools(tenantId, workflowId) : List.copyOf(ToolNames.decode(r.tools()));
        return new WorkflowTotals(normalised(r.cost()), r.tokensIn(), r.tokensOut(), r.steps(), tools);
    }

    private Optional<LockedTotals.Row> stored(String tenantId, String workflowId) {
        return handle.createQuery("SELECT " + LockedTotals.COLUMNS
                        + " FROM workflows WHERE tenant_id = :tenant AND workflow_id = :workflow")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .map((rs, ctx) -> LockedTotals.Row.of(rs))
                .findOne();
    }

    /** The distinct tool names of the workflow's steps by scanning them, sorted like {@link ToolNames}. */
    List<String> distinctTools(String tenantId, String workflowId) {
        return handle
                .createQuery("SELECT DISTINCT tool_name FROM workflow_steps WHERE tenant_id = :tenant"
                        + " AND workflow_id = :workflow AND tool_name IS NOT NULL")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .mapTo(String.class)
                .list()
                .stream()
                .sorted()
                .toList();
    }

    /** A sum as policies see it: no trailing zeros, never in exponent form. */
    static BigDecimal normalised(BigDecimal sum) {
        BigDecimal cost = sum.stripTrailingZeros();
        return cost.scale() < 0 ? cost.setScale(0) : cost;
    }

    private void apply(String tenantId, String workflowId, Figures old, Figures now, int stepDelta) {
        BigDecimal cost = orZero(now.costUsd()).subtract(orZero(old.costUsd()));
        long tokensIn = orZero(now.tokensIn()) - orZero(old.tokensIn());
        long tokensOut = orZero(now.tokensOut()) - orZero(old.tokensOut());
        boolean toolChanged = !Objects.equals(old.tool(), now.tool());
        if (cost.signum() == 0 && tokensIn == 0 && tokensOut == 0 && stepDelta == 0 && !toolChanged) {
            return;
        }
        LockedTotals.Row held = locked.get(tenantId, workflowId);
        String tools = held == null ? null : held.tools();
        if (toolChanged) {
            String stored = held != null ? held.tools() : storedTools(tenantId, workflowId);
            tools = tools(stored, tenantId, workflowId, old.tool(), now.tool());
        }
        // Run at every gate: bound by position (Positional).
        try (Positional update = Positional.prepare(handle, toolChanged ? ADD_WITH_TOOLS : ADD)) {
            update.decimal(cost).longInteger(tokensIn).longInteger(tokensOut).integer(stepDelta);
            if (toolChanged) {
                update.string(tools);
            }
            update.string(tenantId).string(workflowId).update();
        }
        if (held != null) {
            locked.put(
                    tenantId,
                    workflowId,
                    new LockedTotals.Row(
                            held.cost().add(cost),
                            held.tokensIn() + tokensIn,
                            held.tokensOut() + tokensOut,
                            held.steps() + stepDelta,
                            tools));
        }
    }

    /** The stored {@code tools_used} text of a workflow this transaction has not locked. */
    private @Nullable String storedTools(String tenantId, String workflowId) {
        return handle.createQuery(
                        "SELECT tools_used FROM workflows WHERE tenant_id = :tenant AND workflow_id = :workflow")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .mapTo(String.class)
                .findOne()
                .orElse(null);
    }

    /**
     * The new {@code tools_used} text after a step's tool changed from {@code removed} to {@code added}, given
     * the {@code stored} text.
     */
    private @Nullable String tools(
            @Nullable String stored,
            String tenantId,
            String workflowId,
            @Nullable String removed,
            @Nullable String added) {
        if (stored == null) {
            // Beyond the bound (or no workflow row): stays unknown; readers scan.
            return null;
        }
        SortedSet<String> names = ToolNames.decode(stored);
        if (added != null) {
            names.add(added);
        }
        // The step itself already carries its new tool, so this finds only other steps still using the old one.
        if (removed != null && !stillUsed(tenantId, workflowId, removed)) {
            names.remove(removed);
        }
        return ToolNames.encode(names);
    }

    private boolean stillUsed(String tenantId, String workflowId, String tool) {
        return handle.createQuery("SELECT 1 FROM workflow_steps WHERE tenant_id = :tenant AND workflow_id = :workflow"
                        + " AND tool_name = :tool LIMIT 1")
                .bind("tenant", tenantId)
                .bind("workflow", workflowId)
                .bind("tool", tool)
                .mapTo(Integer.class)
                .findOne()
                .isPresent();
    }

    private static BigDecimal orZero(@Nullable BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static long orZero(@Nullable Long v) {
        return v == null ? 0 : v;
    }
}
