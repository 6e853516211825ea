package dev.arbiter.server.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.Webhook;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.webhook.WebhookEvent;
import dev.arbiter.wire.webhook.WebhookEventData;
import dev.arbiter.wire.webhook.WebhookEventType;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The webhook events of the Workflow Control Plane (contract §1.6 step 9, §1.8), enqueued in the
 * transaction of the state change that causes them: an event is delivered if and only if its change
 * committed. Fan-out happens here, at enqueue time: each active subscription of the tenant that wants the
 * event gets its own outbox message, so subscribers are retried, delayed and given up on independently. A
 * tenant without a matching subscription costs one indexed read. Stateless and thread-safe.
 */
public final class WebhookEvents {
    private WebhookEvents() {}

    /** After a fresh gate: {@code step.approval_required} if the step now awaits approval, else nothing. */
    public static void gated(Tx tx, WorkflowRecord w, StepRecord step) {
        if (step.gate().decision() == StepDecision.REQUIRE_APPROVAL
                && step.approval().isPending()) {
            emit(tx, w.tenantId(), WebhookEventType.STEP_APPROVAL_REQUIRED, EventData.step(w, step));
        }
    }

    /**
     * After an approval decision: {@code step.approved}, or {@code step.rejected} followed by
     * {@code workflow.aborted} when the rejection aborted the workflow. Call it once the step and the
     * workflow are written.
     */
    public static void stepDecided(Tx tx, StepRecord step) {
        WorkflowRecord w = tx.workflows()
                .find(step.tenantId(), step.workflowId())
                .orElseThrow(() -> new IllegalStateException("a decided step's workflow is gone"));
        var status = step.approval().status();
        if (status == dev.arbiter.store.ApprovalStatus.APPROVED) {
            emit(tx, w.tenantId(), WebhookEventType.STEP_APPROVED, EventData.step(w, step));
        } else if (status == dev.arbiter.store.ApprovalStatus.REJECTED) {
            emit(tx, w.tenantId(), WebhookEventType.STEP_REJECTED, EventData.step(w, step));
            workflowFinished(tx, w);
        }
    }

    /** After a terminal transition: {@code workflow.completed}, {@code workflow.aborted} or {@code workflow.failed}. */
    public static void workflowFinished(Tx tx, WorkflowRecord done) {
        if (!done.status().isTerminal()) {
            return;
        }
        WebhookEventType type = switch (done.status()) {
            case COMPLETED -> WebhookEventType.WORKFLOW_COMPLETED;
            case ABORTED -> WebhookEventType.WORKFLOW_ABORTED;
            case FAILED -> WebhookEventType.WORKFLOW_FAILED;
            case IN_PROGRESS -> throw new IllegalStateException("not a terminal status");
        };
        emit(tx, done.tenantId(), type, EventData.workflow(done));
    }

    private static void emit(Tx tx, String tenant, WebhookEventType type, WebhookEventData data) {
        List<Webhook> targets = tx.webhooks().active(tenant).stream()
                .filter(w -> WebhookRules.subscribes(w.events(), type))
                .toList();
        if (targets.isEmpty()) {
            return;
        }
        String body = write(new WebhookEvent(id("evt_"), type.wireName(), tx.now(), tenant, data));
        for (Webhook target : targets) {
            Delivery delivery = new Delivery(target.id(), id("dlv_"), type.wireName(), body);
            tx.outbox().enqueue(tenant, Delivery.TOPIC, delivery.toJson(), tx.now());
        }
    }

    /** A prefix and 32 random hex characters (122 random bits). */
    private static String id(String prefix) {
        UUID uuid = UUID.randomUUID();
        return prefix
                + HexFormat.of().toHexDigits(uuid.getMostSignificantBits())
                + HexFormat.of().toHexDigits(uuid.getLeastSignificantBits());
    }

    private static String write(WebhookEvent event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook event as JSON", e);
        }
    }
}
