package dev.arbiter.server.http;

import dev.arbiter.server.audit.AuditService;
import dev.arbiter.server.webhook.WebhookService;
import dev.arbiter.server.workflow.Checkpoints;
import dev.arbiter.server.workflow.GateService;
import dev.arbiter.server.workflow.StepService;
import dev.arbiter.server.workflow.WorkflowService;
import java.util.Objects;

/**
 * The services the routes call, built by the composition root.
 *
 * @param workflows workflows as a whole
 * @param gates step gates
 * @param steps completion and approvals
 * @param checkpoints checkpoints read from the audit trail
 * @param audit audit search and verification
 * @param webhooks webhook subscriptions
 */
public record Services(
        WorkflowService workflows,
        GateService gates,
        StepService steps,
        Checkpoints checkpoints,
        AuditService audit,
        WebhookService webhooks) {
    /** Checks that every service is present. */
    public Services {
        Objects.requireNonNull(workflows, "workflows");
        Objects.requireNonNull(gates, "gates");
        Objects.requireNonNull(steps, "steps");
        Objects.requireNonNull(checkpoints, "checkpoints");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(webhooks, "webhooks");
    }
}
