package dev.arbiter.store;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Throwaway construction aid for {@link AuditEntry}; not thread-safe. */
public final class AuditEntryBuilder {
    private final String tenantId;
    private final String requestId;
    private final String requestType;
    private final String policyDecision;
    private @Nullable String clientId;
    private @Nullable String userEmail;
    private @Nullable String query;
    private @Nullable String decisionId;
    private String policiesEvaluatedJson = "[]";
    private String policiesMatchedJson = "[]";
    private String detailsJson = "{}";
    private @Nullable String provider;
    private @Nullable String model;
    private @Nullable Long tokensUsed;
    private @Nullable BigDecimal costUsd;
    private @Nullable Long latencyMs;

    AuditEntryBuilder(String tenantId, String requestId, String requestType, String policyDecision) {
        this.tenantId = tenantId;
        this.requestId = requestId;
        this.requestType = requestType;
        this.policyDecision = policyDecision;
    }

    public AuditEntryBuilder clientId(@Nullable String value) {
        this.clientId = value;
        return this;
    }

    public AuditEntryBuilder userEmail(@Nullable String value) {
        this.userEmail = value;
        return this;
    }

    public AuditEntryBuilder query(@Nullable String value) {
        this.query = value;
        return this;
    }

    public AuditEntryBuilder decisionId(@Nullable String value) {
        this.decisionId = value;
        return this;
    }

    public AuditEntryBuilder policiesEvaluatedJson(String value) {
        this.policiesEvaluatedJson = value;
        return this;
    }

    public AuditEntryBuilder policiesMatchedJson(String value) {
        this.policiesMatchedJson = value;
        return this;
    }

    public AuditEntryBuilder detailsJson(String value) {
        this.detailsJson = value;
        return this;
    }

    public AuditEntryBuilder provider(@Nullable String value) {
        this.provider = value;
        return this;
    }

    public AuditEntryBuilder model(@Nullable String value) {
        this.model = value;
        return this;
    }

    public AuditEntryBuilder tokensUsed(@Nullable Long value) {
        this.tokensUsed = value;
        return this;
    }

    public AuditEntryBuilder costUsd(@Nullable BigDecimal value) {
        this.costUsd = value;
        return this;
    }

    public AuditEntryBuilder latencyMs(@Nullable Long value) {
        this.latencyMs = value;
        return this;
    }

    public AuditEntry build() {
        return new AuditEntry(
                tenantId,
                requestId,
                requestType,
                policyDecision,
                clientId,
                userEmail,
                query,
                decisionId,
                policiesEvaluatedJson,
                policiesMatchedJson,
                detailsJson,
                provider,
                model,
                tokensUsed,
                costUsd,
                latencyMs);
    }
}
