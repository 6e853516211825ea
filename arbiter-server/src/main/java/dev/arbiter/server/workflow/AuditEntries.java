package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.AuditEntry;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.WorkflowRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The audit records workflow operations write (contract §1.12): {@code request_type} is
 * {@code workflow_<op>}, {@code request_id} the workflow id, {@code query}
 * "Workflow: <name>, Operation: <op>", and {@code policy_details} the operation's facts. Stateless.
 */
final class AuditEntries {
    private AuditEntries() {}

    /**
     * Operations of the audit table of seed 001, plus failed, step approved and step rejected, and two of
     * Arbiter's own: step expired (an approval timed out) and checkpoint resumed.
     */
    enum Operation {
        CREATED,
        STEP_GATE,
        STEP_COMPLETED,
        STEP_APPROVED,
        STEP_REJECTED,
        STEP_EXPIRED,
        CHECKPOINT_RESUMED,
        COMPLETED,
        ABORTED,
        FAILED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A workflow-level operation (created, completed, aborted, failed). */
    static AuditEntry workflow(Principal caller, WorkflowRecord w, Operation op, Map<String, @Nullable Object> facts) {
        Map<String, @Nullable Object> details = base(w, op);
        details.putAll(facts);
        return AuditEntry.builder(caller.tenant(), w.id(), "workflow_" + op.wireName(), "allowed")
                .clientId(caller.clientId())
                .query(query(w, op))
                .detailsJson(JsonText.write(details))
                .build();
    }

    /** A step-level operation; the decision recorded is the step's (or the approver's) decision. */
    static AuditEntry step(
            Principal caller,
            WorkflowRecord w,
            StepRecord s,
            Operation op,
            StepDecision decision,
            @Nullable String reason,
            @Nullable String actor,
            Map<String, @Nullable Object> facts) {
        return step(caller.tenant(), caller.clientId(), w, s, op, decision, reason, actor, facts);
    }

    /**
     * A step-level operation nobody asked for (an approval that timed out), recorded under the workflow's
     * tenant and the client that owns it.
     */
    static AuditEntry step(
            WorkflowRecord w,
            StepRecord s,
            Operation op,
            StepDecision decision,
            @Nullable String reason,
            Map<String, @Nullable Object> facts) {
        return step(w.tenantId(), w.clientId(), w, s, op, decision, reason, null, facts);
    }

    private static AuditEntry step(
            String tenant,
            @Nullable String clientId,
            WorkflowRecord w,
            StepRecord s,
            Operation op,
            StepDecision decision,
            @Nullable String reason,
            @Nullable String actor,
            Map<String, @Nullable Object> facts) {
        Map<String, @Nullable Object> details = base(w, op);
        details.put("step_id", s.stepId());
        details.put("step_name", s.stepName());
        details.put("step_index", s.stepIndex());
        details.put("step_type", s.stepType());
        details.put("decision", decision.wire());
        details.put("reason", reason);
        details.put("model", s.request().model());
        details.put("provider", s.request().provider());
        details.put("tool_name", s.request().toolName());
        details.put("tool_type", s.request().toolType());
        details.put("idempotency_key", s.request().idempotencyKey());
        details.put("gate_count", s.attempts().gateCount());
        details.put("completion_count", s.completion().completionCount());
        details.putAll(facts);
        Long tokens = sum(s.usage().tokensIn(), s.usage().tokensOut());
        BigDecimal cost = s.usage().costUsd();
        return AuditEntry.builder(tenant, w.id(), "workflow_" + op.wireName(), policyDecision(decision))
                .clientId(clientId)
                .userEmail(actor)
                .query(query(w, op))
                .decisionId(s.gate().decisionId())
                .policiesEvaluatedJson(s.gate().policiesEvaluatedJson())
                .policiesMatchedJson(s.gate().policiesMatchedJson())
                .detailsJson(JsonText.write(details))
                .provider(s.request().provider())
                .model(s.request().model())
                .tokensUsed(tokens)
                .costUsd(cost)
                .build();
    }

    /** The contract's {@code policy_decision}: blocked, pending_approval or allowed. */
    static String policyDecision(StepDecision decision) {
        return switch (decision) {
            case ALLOW -> "allowed";
            case BLOCK -> "blocked";
            case REQUIRE_APPROVAL -> "pending_approval";
        };
    }

    private static Map<String, @Nullable Object> base(WorkflowRecord w, Operation op) {
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("workflow_id", w.id());
        details.put("workflow_name", w.name());
        details.put("operation", op.wireName());
        return details;
    }

    private static String query(WorkflowRecord w, Operation op) {
        return "Workflow: " + w.name() + ", Operation: " + op.wireName();
    }

    private static @Nullable Long sum(@Nullable Long a, @Nullable Long b) {
        if (a == null && b == null) {
            return null;
        }
        return (a == null ? 0 : a) + (b == null ? 0 : b);
    }
}
