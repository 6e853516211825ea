package dev.arbiter.store;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an operation writes to the audit log (contract §5.1); the store adds id, sequence, timestamp and
 * hashes. Build one with {@link #builder}.
 *
 * @param tenantId the tenant whose chain it joins
 * @param requestId workflow id, plan id or request id
 * @param requestType e.g. {@code workflow_step_gate}
 * @param policyDecision {@code allowed}, {@code blocked}, {@code pending_approval}, {@code redacted} or {@code error}
 * @param clientId the API client, or {@code null}
 * @param userEmail the acting user (approver), or {@code null}
 * @param query short summary, e.g. {@code Workflow: x, Operation: step_gate}, or {@code null}
 * @param decisionId the decision's id, or {@code null}
 * @param policiesEvaluatedJson JSON array of evaluated policies ({@code []} when none)
 * @param policiesMatchedJson JSON array of matched policies ({@code []} when none)
 * @param detailsJson the {@code policy_details} JSON object ({@code {}} when none)
 * @param provider LLM provider, or {@code null}
 * @param model model, or {@code null}
 * @param tokensUsed tokens, or {@code null}
 * @param costUsd cost, or {@code null}
 * @param latencyMs processing time, or {@code null}
 */
public record AuditEntry(
        String tenantId,
        String requestId,
        String requestType,
        String policyDecision,
        @Nullable String clientId,
        @Nullable String userEmail,
        @Nullable String query,
        @Nullable String decisionId,
        String policiesEvaluatedJson,
        String policiesMatchedJson,
        String detailsJson,
        @Nullable String provider,
        @Nullable String model,
        @Nullable Long tokensUsed,
        @Nullable BigDecimal costUsd,
        @Nullable Long latencyMs) {

    public AuditEntry {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(policyDecision, "policyDecision");
        Objects.requireNonNull(policiesEvaluatedJson, "policiesEvaluatedJson");
        Objects.requireNonNull(policiesMatchedJson, "policiesMatchedJson");
        Objects.requireNonNull(detailsJson, "detailsJson");
        if (tenantId.isEmpty() || requestType.isEmpty()) {
            throw new IllegalArgumentException("tenantId and requestType must not be empty");
        }
        if (costUsd != null && costUsd.abs().compareTo(Usage.MAX_COST) > 0) {
            throw new IllegalArgumentException("cost must be within +-" + Usage.MAX_COST.toPlainString());
        }
        if (costUsd != null) {
            // Stored as NUMERIC(20,8); the hash must cover exactly what is stored.
            costUsd = costUsd.setScale(8, java.math.RoundingMode.HALF_EVEN);
        }
    }

    /** Starts an entry with its required fields; the rest default to absent / empty JSON. */
    public static AuditEntryBuilder builder(
            String tenantId, String requestId, String requestType, String policyDecision) {
        return new AuditEntryBuilder(tenantId, requestId, requestType, policyDecision);
    }
}
