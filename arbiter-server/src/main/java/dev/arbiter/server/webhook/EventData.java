package dev.arbiter.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.store.Approval;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.webhook.WebhookEventData;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.PolicyMatch;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Store records as the {@code data} of a webhook event. Stateless. */
final class EventData {
    private static final TypeReference<List<PolicyMatch>> MATCHES = new TypeReference<>() {};

    private EventData() {}

    /** A {@code step.*} event's data: the step after the change, in its workflow. */
    static WebhookEventData step(WorkflowRecord w, StepRecord s) {
        Approval approval = s.approval();
        var status = approval.status();
        boolean approved = status == dev.arbiter.store.ApprovalStatus.APPROVED;
        boolean rejected = status == dev.arbiter.store.ApprovalStatus.REJECTED;
        boolean pending = approval.isPending();
        GateDecision decision = approved ? GateDecision.ALLOW : rejected ? GateDecision.BLOCK : decision(s);
        List<String> policyIds = pending ? policyIds(s.gate().policiesMatchedJson()) : null;
        return new WebhookEventData(
                w.id(),
                w.name(),
                status(w),
                s.stepId(),
                s.stepName(),
                StepType.fromWireName(s.stepType()).orElse(null),
                s.stepIndex(),
                decision,
                approved ? null : rejected ? approval.comment() : s.gate().reason(),
                approval.approvalId(),
                status == null
                        ? null
                        : ApprovalStatus.fromWireName(status.wire()).orElse(null),
                approved ? approval.actor() : null,
                rejected ? approval.actor() : null,
                approved ? approval.comment() : null,
                policyIds == null || policyIds.isEmpty() ? null : policyIds,
                null,
                emptyToNull(w.traceId()));
    }

    /** A {@code workflow.*} event's data: the workflow after its terminal transition. */
    static WebhookEventData workflow(WorkflowRecord w) {
        return new WebhookEventData(
                w.id(),
                w.name(),
                status(w),
                null,
                null,
                null,
                null,
                null,
                w.reason(),
                null,
                null,
                null,
                null,
                null,
                null,
                w.totalSteps(),
                emptyToNull(w.traceId()));
    }

    private static @Nullable WorkflowStatus status(WorkflowRecord w) {
        return WorkflowStatus.fromWireName(w.status().wire()).orElse(null);
    }

    private static @Nullable GateDecision decision(StepRecord s) {
        return GateDecision.fromWireName(s.gate().decision().wire()).orElse(null);
    }

    private static List<String> policyIds(String matchesJson) {
        try {
            return Json.mapper().readValue(matchesJson, MATCHES).stream()
                    .map(PolicyMatch::policyId)
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy matches are unreadable", e);
        }
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
