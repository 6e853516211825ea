package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One fresh gate evaluation as recorded for replay: the policy context it was decided on and what was decided.
 *
 * @param id assigned by the store ({@code 0} before it is appended)
 * @param tenantId the tenant
 * @param workflowId the workflow
 * @param stepId the step
 * @param decisionId the decision's id
 * @param gatedAt when it was decided
 * @param decision the gate decision: {@code allow}, {@code block} or {@code require_approval}
 * @param outcome the policy outcome behind it ({@code allow}, {@code log}, {@code warn}, {@code redact}, ...)
 * @param policyIdsJson JSON array of the enforced matches' ids
 * @param shadowPolicyIdsJson JSON array of the shadow matches' ids
 * @param tenantSetVersion the tenant's policy-set version the decision was made under
 * @param globalSetVersion the global policy-set version the decision was made under
 * @param contextJson the policy context as a JSON object (always valid JSON)
 * @param truncatedKeysJson JSON array of context keys whose values were too large to keep, or {@code null}
 */
public record GateRecord(
        long id,
        String tenantId,
        String workflowId,
        String stepId,
        String decisionId,
        Instant gatedAt,
        String decision,
        String outcome,
        String policyIdsJson,
        String shadowPolicyIdsJson,
        long tenantSetVersion,
        long globalSetVersion,
        String contextJson,
        @Nullable String truncatedKeysJson) {
    public GateRecord {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(workflowId, "workflowId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(gatedAt, "gatedAt");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(policyIdsJson, "policyIdsJson");
        Objects.requireNonNull(shadowPolicyIdsJson, "shadowPolicyIdsJson");
        Objects.requireNonNull(contextJson, "contextJson");
    }
}
