package dev.arbiter.server.workflow;

import dev.arbiter.core.PolicyContext;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.policy.BoundedContext;
import dev.arbiter.server.policy.GateRecording;
import dev.arbiter.server.webhook.WebhookEvents;
import dev.arbiter.server.workflow.AuditEntries.Operation;
import dev.arbiter.store.Approval;
import dev.arbiter.store.Attempts;
import dev.arbiter.store.Completion;
import dev.arbiter.store.Database;
import dev.arbiter.store.GateResult;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.StepRequest;
import dev.arbiter.store.Steps;
import dev.arbiter.store.Tx;
import dev.arbiter.store.Usage;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.PolicyMatch;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The step gate (contract §1.6): lock the workflow, answer a re-gate of an unchanged step from the
 * stored decision, otherwise evaluate the policies, store the step and its audit record, all in one
 * transaction; the answer leaves only after the commit.
 *
 * <p>Where Arbiter differs from the contract, on purpose: a re-gate whose step input or tool call
 * differs from the stored one is evaluated afresh (an approval or a cached decision covers the exact
 * input it was given for), and a step keeps its index when re-evaluated, so {@code total_steps}
 * counts distinct steps. Every gate call, cached or fresh, writes one audit record. Thread-safe.
 */
public final class GateService {
    private final Database database;
    private final GatePolicies policies;
    private final java.util.function.Predicate<CharSequence> piiProbe;
    private final @Nullable String approvalBaseUrl;
    private final ApprovalExpiry expiry;

    /** A gate service over {@code database}; approvals it reads expire as {@code expiry} says. */
    public GateService(
            Database database,
            GatePolicies policies,
            java.util.function.Predicate<CharSequence> piiProbe,
            @Nullable String approvalBaseUrl,
            ApprovalExpiry expiry) {
        this.database = database;
        this.policies = policies;
        this.piiProbe = piiProbe;
        this.approvalBaseUrl = approvalBaseUrl;
        this.expiry = expiry;
    }

    /** Gates one step; see the class comment. */
    public StepGateResponse gate(
            Principal caller, String workflowId, String stepId, StepGateRequest request, boolean includePriorOutput) {
        GateRequests.validateStepId(stepId);
        GateRequests.validate(request);
        GateInput input = GateInput.of(request, piiProbe);
        return database.inTransaction(tx -> {
            WorkflowRecord w = Workflows.locked(tx, caller, workflowId);
            WorkflowStateMachine.fire(WireMapping.status(w.status()), WorkflowStateMachine.Event.GATE_STEP);
            return gateLocked(tx, caller, w, stepId, input, includePriorOutput);
        });
    }

    /** {@code request}, whose fingerprint is {@code inputHash}, prepared for {@link #gateLocked}. */
    GateInput prepare(StepGateRequest request, String inputHash) {
        return GateInput.of(request, inputHash, piiProbe);
    }

    /**
     * The gate inside {@code tx}, which holds the lock of {@code w}, a workflow in progress; resuming from
     * a checkpoint re-enters here. An overdue approval of this step, or of the last one, is expired first.
     */
    StepGateResponse gateLocked(
            Tx tx, Principal caller, WorkflowRecord w, String stepId, GateInput input, boolean includePriorOutput) {
        StepGateRequest request = input.request();
        String inputHash = input.inputHash();
        String workflowId = w.id();
        Steps.StepAndLast found = tx.steps().findWithLast(caller.tenant(), workflowId, stepId, w.currentStepIndex());
        StepRecord existing = found.step().orElse(null);
        if (existing != null) {
            checkIdempotencyKey(workflowId, stepId, existing.request().idempotencyKey(), request.idempotencyKey());
            existing = expiry.settle(tx, w, existing);
        }
        RetryPolicy policy = request.retryPolicy() == null ? RetryPolicy.IDEMPOTENT : request.retryPolicy();
        if (existing != null
                && policy == RetryPolicy.IDEMPOTENT
                && inputHash.equals(existing.request().inputHash())) {
            return cached(tx, caller, w, existing, includePriorOutput);
        }
        return fresh(tx, caller, w, stepId, input, existing, found.pendingLast(), includePriorOutput);
    }

    private StepGateResponse cached(
            Tx tx, Principal caller, WorkflowRecord w, StepRecord existing, boolean includePriorOutput) {
        Instant now = tx.now();
        Cached answer = Cached.of(existing);
        StepDecision previous = existing.attempts().lastDecision();
        StepRecord step = existing.withAttempts(existing.attempts().next(now, answer.decision()));
        tx.steps().update(step);
        tx.audit()
                .append(AuditEntries.step(
                        caller,
                        w,
                        step,
                        Operation.STEP_GATE,
                        answer.decision(),
                        answer.reason(),
                        null,
                        Map.of("decision_source", "cached")));
        boolean pending = step.approval().isPending();
        return response(
                step,
                answer.decision(),
                answer.reason(),
                previous,
                true,
                pending,
                includePriorOutput,
                JsonText.matches(step.gate().policiesEvaluatedJson()),
                List.of());
    }

    private StepGateResponse fresh(
            Tx tx,
            Principal caller,
            WorkflowRecord w,
            String stepId,
            GateInput input,
            @Nullable StepRecord existing,
            Optional<StepRecord> pendingLast,
            boolean includePriorOutput) {
        StepGateRequest r = input.request();
        pendingLast.ifPresent(last -> {
            if (expiry.settle(tx, w, last).approval().isPending()) {
                throw ApiException.conflict(
                        ErrorCode.APPROVAL_PENDING, "workflow has pending approval for step " + last.stepId());
            }
        });
        Instant now = tx.now();
        int index = existing != null ? existing.stepIndex() : w.currentStepIndex() + 1;
        PolicyContext context = PolicyContexts.build(
                w, stepId, index, input, existing, tx.steps().totals(caller.tenant(), w.id()), now);
        GatePolicies.Evaluation evaluation = policies.evaluate(tx, caller.tenant(), context);
        StepDecision decision = WireMapping.decision(evaluation.decision());
        Attempts attempts = existing == null
                ? Attempts.first(now, decision)
                : existing.attempts().next(now, decision);
        Approval approval = decision == StepDecision.REQUIRE_APPROVAL
                ? Approval.pending(Identifiers.approvalId(w.id(), stepId, attempts.gateCount()))
                : Approval.NONE;
        if (decision == StepDecision.REQUIRE_APPROVAL) {
            ApprovalStateMachine.fire(null, ApprovalStateMachine.Event.REQUIRE);
        }
        // The context is kept once, in the gate record (V17: no longer also in the step row).
        BoundedContext bounded = BoundedContext.of(context.asMap(), GateRecording.MAX_CONTEXT_CHARS);
        String appliedJson = JsonText.write(evaluation.applied());
        GateResult gate = new GateResult(
                decision,
                Identifiers.decisionId(w.id(), stepId),
                evaluation.reason(),
                evaluation.policiesEvaluated(),
                appliedJson,
                evaluation.matched().equals(evaluation.applied()) ? appliedJson : JsonText.write(evaluation.matched()),
                now);
        StepRecord step = new StepRecord(
                caller.tenant(),
                w.id(),
                stepId,
                index,
                r.stepName(),
                r.stepType().wireName(),
                stepRequest(input, existing),
                gate,
                usage(r, existing),
                approval,
                attempts,
                existing == null ? Completion.NONE : existing.completion());
        if (existing == null) {
            tx.steps().insert(step);
        } else {
            tx.steps().update(step);
        }
        tx.workflows().update(w.withStepIndex(index, now));
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("decision_source", "fresh");
        facts.put("policies_evaluated", evaluation.policiesEvaluated());
        facts.put("policies_matched", evaluation.matched().size());
        facts.put("policy_ids", evaluation.policyIds());
        facts.put("shadow_policy_ids", evaluation.shadowPolicyIds());
        facts.put("shadow_matches", evaluation.shadowMatches());
        facts.put("policy_set_version", evaluation.policies().tenantVersion());
        facts.put("global_policy_set_version", evaluation.policies().globalVersion());
        tx.gateRecords()
                .add(GateRecording.of(
                        caller.tenant(),
                        w.id(),
                        stepId,
                        gate.decisionId(),
                        now,
                        decision.wire(),
                        evaluation.core(),
                        evaluation.policies(),
                        bounded));
        tx.audit()
                .append(AuditEntries.step(
                        caller, w, step, Operation.STEP_GATE, decision, evaluation.reason(), null, facts));
        WebhookEvents.gated(tx, w, step);
        StepDecision previous =
                existing == null ? decision : existing.attempts().lastDecision();
        boolean pending = decision == StepDecision.REQUIRE_APPROVAL;
        return response(
                step,
                decision,
                evaluation.reason(),
                previous,
                false,
                pending,
                includePriorOutput,
                evaluation.applied(),
                evaluation.shadowMatches());
    }

    private StepGateResponse response(
            StepRecord step,
            StepDecision decision,
            @Nullable String reason,
            StepDecision previous,
            boolean cached,
            boolean pending,
            boolean includePriorOutput,
            List<PolicyMatch> applied,
            List<PolicyMatch> shadowMatches) {
        // Matched is what the decision applied: the policies behind a block or an approval, none for an allow.
        List<PolicyMatch> matched = decision == StepDecision.ALLOW ? List.of() : applied;
        String approvalId = pending ? step.approval().approvalId() : null;
        String approvalUrl = pending && approvalBaseUrl != null
                ? approvalBaseUrl + "/workflows/" + step.workflowId() + "/steps/" + step.stepId() + "/approve"
                : null;
        return new StepGateResponse(
                WireMapping.decision(decision),
                step.stepId(),
                step.gate().decisionId(),
                applied.stream().map(PolicyMatch::policyId).toList(),
                reason,
                approvalId,
                approvalUrl,
                applied,
                matched,
                cached,
                cached ? DecisionSource.CACHED : DecisionSource.FRESH,
                RetryContexts.of(step, previous, includePriorOutput),
                shadowMatches);
    }

    private static void checkIdempotencyKey(
            String workflowId, String stepId, @Nullable String expected, @Nullable String received) {
        String stored = expected == null ? "" : expected;
        String given = received == null ? "" : received;
        if (!stored.equals(given)) {
            Map<String, @Nullable Object> details = new LinkedHashMap<>();
            details.put("workflow_id", workflowId);
            details.put("step_id", stepId);
            details.put("expected_idempotency_key", stored);
            details.put("received_idempotency_key", given);
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_KEY_MISMATCH,
                    "idempotency_key does not match the key recorded for this step",
                    details);
        }
    }

    private static StepRequest stepRequest(GateInput input, @Nullable StepRecord existing) {
        StepGateRequest r = input.request();
        var tool = r.toolContext();
        String key = existing != null && existing.request().idempotencyKey() != null
                ? existing.request().idempotencyKey()
                : blankToNull(r.idempotencyKey());
        return new StepRequest(
                input.stepInputJson(),
                input.inputHash(),
                r.model(),
                r.provider(),
                tool == null ? null : tool.toolName(),
                tool == null ? null : tool.toolType(),
                input.toolContextJson(),
                key);
    }

    private static Usage usage(StepGateRequest r, @Nullable StepRecord existing) {
        Usage estimate = new Usage(
                r.tokensIn() == null ? null : r.tokensIn().longValue(),
                r.tokensOut() == null ? null : r.tokensOut().longValue(),
                r.costUsd() == null ? null : BigDecimal.valueOf(r.costUsd()));
        return existing == null ? estimate : existing.usage().overwrittenBy(estimate);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The stored decision as a cached gate answers it, with the approval's outcome applied. */
    private record Cached(StepDecision decision, @Nullable String reason) {
        static Cached of(StepRecord s) {
            String original = Objects.requireNonNullElse(s.gate().reason(), "");
            var status = s.approval().status();
            if (status == null || status == dev.arbiter.store.ApprovalStatus.PENDING) {
                return new Cached(s.gate().decision(), s.gate().reason());
            }
            return switch (status) {
                case APPROVED -> new Cached(StepDecision.ALLOW, "Previously approved: " + original);
                case REJECTED -> new Cached(StepDecision.BLOCK, "Previously rejected: " + original);
                case EXPIRED -> new Cached(StepDecision.BLOCK, "Previously expired (approval timed out): " + original);
                case PENDING -> new Cached(s.gate().decision(), s.gate().reason());
            };
        }
    }
}
