package dev.arbiter.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Cross-step facts of a workflow, for policies such as a spend cap or "no http_post after read_secrets":
 * the contract's {@code workflow.cost_usd}, {@code workflow.tokens_in}, {@code workflow.tokens_out},
 * {@code workflow.step_count} and {@code workflow.tools_used}. Sums use each step's latest usage (the
 * completion's actuals where reported, else the gate's estimate).
 *
 * @param costUsd summed cost
 * @param tokensIn summed input tokens
 * @param tokensOut summed output tokens
 * @param stepCount number of gated steps
 * @param toolsUsed distinct tool names of the gated steps, sorted
 */
public record WorkflowTotals(BigDecimal costUsd, long tokensIn, long tokensOut, int stepCount, List<String> toolsUsed) {
    /** A workflow without steps. */
    public static final WorkflowTotals EMPTY = new WorkflowTotals(BigDecimal.ZERO, 0, 0, 0, List.of());

    public WorkflowTotals {
        Objects.requireNonNull(costUsd, "costUsd");
        toolsUsed = List.copyOf(toolsUsed);
    }
}
