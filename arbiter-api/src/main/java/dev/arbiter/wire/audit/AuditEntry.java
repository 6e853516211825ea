package dev.arbiter.wire.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One audit record as the search endpoints return it (contract §5.2, newer entry fields plus the
 * raw {@code policy_decision} and {@code policy_details} columns older clients read).
 *
 * @param id the record's id
 * @param requestId the workflow id for workflow operations
 * @param timestamp when the operation committed
 * @param userEmail the acting user, e.g. an approver
 * @param clientId the API client that made the call
 * @param tenantId the tenant
 * @param orgId the organisation, if any
 * @param requestType e.g. {@code workflow_step_gate}
 * @param querySummary e.g. "Workflow: deploy, Operation: step_gate"
 * @param success false when the operation was blocked or failed
 * @param blocked true when the decision was {@code block}
 * @param riskScore the risk score, if computed
 * @param provider the model provider, if any
 * @param model the model, if any
 * @param tokensUsed tokens in plus tokens out, if known
 * @param latencyMs time to decide, if measured
 * @param policyViolations names of the policies that matched with a restrictive action; empty when absent
 *     (older servers answer raw rows without it)
 * @param metadata operation details (the contract's {@code policy_details}); empty when absent
 * @param policyDecision {@code allowed}, {@code blocked} or {@code pending_approval}
 */
public record AuditEntry(
        String id,
        String requestId,
        Instant timestamp,
        @Nullable String userEmail,
        @Nullable String clientId,
        String tenantId,
        @Nullable String orgId,
        String requestType,
        @Nullable String querySummary,
        boolean success,
        boolean blocked,
        @Nullable Double riskScore,
        @Nullable String provider,
        @Nullable String model,
        @Nullable Long tokensUsed,
        @Nullable Long latencyMs,
        List<String> policyViolations,
        Map<String, @Nullable Object> metadata,
        @Nullable String policyDecision) {
    /** Copies the collections; absent collections are empty. */
    public AuditEntry {
        policyViolations = policyViolations == null ? List.of() : List.copyOf(policyViolations);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
