package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.core.Decision;
import dev.arbiter.store.GateRecord;
import dev.arbiter.wire.Json;
import java.time.Instant;
import java.util.List;

/**
 * What a fresh gate evaluation leaves for simulation: its context (bounded, see {@link BoundedContext}), its
 * decision and the policy-set versions it was made under. Stateless.
 */
public final class GateRecording {
    /**
     * Largest context kept per gate, in characters (64 Ki): a bigger one loses its largest inputs first
     * ({@link BoundedContext}), so that one huge step input cannot bloat every record.
     */
    public static final int MAX_CONTEXT_CHARS = 64 * 1024;

    private GateRecording() {}

    /**
     * The record of one fresh evaluation, its context bounded by the caller with
     * {@code BoundedContext.of(context.asMap(), MAX_CONTEXT_CHARS)} (a gate serialises the context once for
     * this record and the step's snapshot).
     */
    public static GateRecord of(
            String tenant,
            String workflowId,
            String stepId,
            String decisionId,
            Instant gatedAt,
            String gateDecision,
            Decision decision,
            PolicySets.Snapshot policies,
            BoundedContext bounded) {
        return new GateRecord(
                0,
                tenant,
                workflowId,
                stepId,
                decisionId,
                gatedAt,
                gateDecision,
                decision.outcome().wireName(),
                json(decision.policyIds()),
                json(decision.shadowPolicyIds()),
                policies.tenantVersion(),
                policies.globalVersion(),
                bounded.json(),
                bounded.truncatedKeys().isEmpty() ? null : json(bounded.truncatedKeys()));
    }

    private static String json(List<String> values) {
        try {
            return Json.mapper().writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write ids as JSON", e);
        }
    }
}
