package dev.arbiter.wire.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Response 200 of a step gate, for {@code allow}, {@code block} and {@code require_approval} alike
 * (contract §1.6).
 *
 * @param decision the answer
 * @param stepId echoes the path
 * @param decisionId {@code dec_<workflow_id>_<step_id>}
 * @param policyIds ids of the policies that applied; omitted when empty
 * @param reason why, in the contract's exact words (e.g. {@code No matching policies}) or the policy's
 * @param approvalId the approval's id when the decision is {@code require_approval}
 * @param approvalUrl where a person approves, when a console base URL is configured
 * @param policiesEvaluated the policies that applied (the contract's naming); omitted when empty
 * @param policiesMatched the policies that applied when the decision is not {@code allow}
 * @param cached true when served from the stored decision (always present in Arbiter's answers; false when
 *     absent)
 * @param decisionSource {@code fresh} or {@code cached} (a client's synthetic fail-open answer says
 *     {@code fail_open}); null in the V1 answer {@code {decision, step_id, reason, policy_ids}} of older
 *     servers, and when a newer server sends a value this version does not know
 * @param retryContext facts about earlier attempts; always present in Arbiter's answers, null in V1 answers
 *     of older servers and in a client's synthetic fail-open answer
 * @param shadowMatches Arbiter's addition: shadow-mode policies that matched this fresh evaluation and what they
 *     would have done; they never change {@code decision}. Omitted when empty and on cached answers
 */
public record StepGateResponse(
        GateDecision decision,
        String stepId,
        @Nullable String decisionId,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<String> policyIds,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        String reason,

        @Nullable String approvalId,
        @Nullable String approvalUrl,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<PolicyMatch> policiesEvaluated,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<PolicyMatch> policiesMatched,

        boolean cached,
        @Nullable DecisionSource decisionSource,
        @Nullable RetryContext retryContext,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<PolicyMatch> shadowMatches) {
    /** Copies the lists. */
    public StepGateResponse {
        policyIds = policyIds == null ? null : List.copyOf(policyIds);
        policiesEvaluated = policiesEvaluated == null ? null : List.copyOf(policiesEvaluated);
        policiesMatched = policiesMatched == null ? null : List.copyOf(policiesMatched);
        shadowMatches = shadowMatches == null ? null : List.copyOf(shadowMatches);
    }

    /** A response without shadow matches (the shape before {@code shadow_matches} was added). */
    public StepGateResponse(
            GateDecision decision,
            String stepId,
            @Nullable String decisionId,
            @Nullable List<String> policyIds,
            @Nullable String reason,
            @Nullable String approvalId,
            @Nullable String approvalUrl,
            @Nullable List<PolicyMatch> policiesEvaluated,
            @Nullable List<PolicyMatch> policiesMatched,
            boolean cached,
            @Nullable DecisionSource decisionSource,
            @Nullable RetryContext retryContext) {
        this(
                decision,
                stepId,
                decisionId,
                policyIds,
                reason,
                approvalId,
                approvalUrl,
                policiesEvaluated,
                policiesMatched,
                cached,
                decisionSource,
                retryContext,
                null);
    }

    /** True when the step may run. */
    @JsonIgnore
    public boolean isAllowed() {
        return decision == GateDecision.ALLOW;
    }

    /** True when the step must not run. */
    @JsonIgnore
    public boolean isBlocked() {
        return decision == GateDecision.BLOCK;
    }

    /** True when the step waits for a person. */
    @JsonIgnore
    public boolean requiresApproval() {
        return decision == GateDecision.REQUIRE_APPROVAL;
    }
}
