package dev.arbiter.client.examples;

import dev.arbiter.client.ApprovalExpiredException;
import dev.arbiter.client.ArbiterClient;
import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.WebhookSubscription;
import dev.arbiter.wire.workflow.GateDecision;
import java.util.List;

/** Tells ops when a step needs a person, and asks again when nobody decided in time. */
public final class ApprovalFollowUp {
    /** Subscribes the ops endpoint to approval requests and failed workflows; returns the subscription id. */
    public static String notifyOps(ArbiterClient client, String opsUrl, String signingSecret) {
        WebhookSubscription hook = client.webhooks()
                .create(new CreateWebhookRequest(
                        opsUrl, List.of("step.approval_required", "workflow.failed"), signingSecret, null));
        return hook.id(); // client.webhooks().update(id, ...) pauses or moves it, delete(id) removes it
    }

    /** True when the workflow may go on; a step whose approval expired is put to the policies again first. */
    public static boolean mayContinue(ArbiterClient client, String workflowId) {
        try {
            client.resumeWorkflow(workflowId);
            return true;
        } catch (ApprovalExpiredException expired) {
            // The current policies decide again: allow goes on, require_approval asks a person anew.
            return client.resumeFromCheckpoint(workflowId).newDecision() == GateDecision.ALLOW;
        }
    }
}
