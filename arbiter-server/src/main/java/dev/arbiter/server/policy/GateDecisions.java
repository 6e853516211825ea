package dev.arbiter.server.policy;

import dev.arbiter.core.Outcome;
import dev.arbiter.wire.workflow.GateDecision;

/**
 * The gate decision a policy outcome gives: {@code block} and {@code require_approval} stop the step; redact,
 * warn, log and allow let it run (their matches are still reported). Stateless.
 */
public final class GateDecisions {
    private GateDecisions() {}

    /** The gate decision for {@code outcome}. */
    public static GateDecision of(Outcome outcome) {
        return switch (outcome) {
            case BLOCK -> GateDecision.BLOCK;
            case REQUIRE_APPROVAL -> GateDecision.REQUIRE_APPROVAL;
            case ALLOW, LOG, WARN, REDACT -> GateDecision.ALLOW;
        };
    }

    /** How strict a gate decision is: allow 0, require_approval 1, block 2. */
    static int strictness(GateDecision decision) {
        return switch (decision) {
            case ALLOW -> 0;
            case REQUIRE_APPROVAL -> 1;
            case BLOCK -> 2;
        };
    }
}
