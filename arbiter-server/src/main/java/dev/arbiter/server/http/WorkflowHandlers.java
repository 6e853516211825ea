package dev.arbiter.server.http;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.workflow.Checkpoints;
import dev.arbiter.server.workflow.GateService;
import dev.arbiter.server.workflow.StepService;
import dev.arbiter.server.workflow.WorkflowService;
import dev.arbiter.wire.workflow.ApproveStepRequest;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.RejectStepRequest;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.WorkflowReasonRequest;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/** The Workflow Control Plane routes (contract §1.1): parse, call a service, write. Thread-safe. */
final class WorkflowHandlers {
    private static final String BASE = "/api/v1/workflows";

    private final WorkflowService workflows;
    private final GateService gates;
    private final StepService steps;
    private final Checkpoints checkpoints;
    private final Metrics metrics;

    WorkflowHandlers(Services services, Metrics metrics) {
        this.workflows = services.workflows();
        this.gates = services.gates();
        this.steps = services.steps();
        this.checkpoints = services.checkpoints();
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        // Literal paths first: they share the shape of /{id} routes.
        routes.get(BASE + "/approvals/pending", this::pending);
        routes.get(BASE + "/pending-approvals", this::pending);
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", ctx -> ctx.json(workflows.get(caller(ctx), id(ctx))));
        routes.post(BASE + "/{id}/steps/{step_id}/gate", this::gate);
        routes.post(BASE + "/{id}/steps/{step_id}/complete", this::completeStep);
        routes.post(BASE + "/{id}/steps/{step_id}/approve", this::approve);
        routes.post(BASE + "/{id}/steps/{step_id}/reject", this::reject);
        routes.post(BASE + "/{id}/complete", ctx -> ctx.json(workflows.complete(caller(ctx), id(ctx))));
        routes.post(BASE + "/{id}/abort", ctx -> ctx.json(workflows.abort(caller(ctx), id(ctx), reason(ctx))));
        routes.post(BASE + "/{id}/fail", ctx -> ctx.json(workflows.fail(caller(ctx), id(ctx), reason(ctx))));
        routes.post(BASE + "/{id}/resume", this::resume);
        routes.get(BASE + "/{id}/checkpoints", ctx -> ctx.json(checkpoints.list(caller(ctx), id(ctx))));
        routes.post(BASE + "/{id}/checkpoints/resume", this::resumeLatest);
        routes.post(BASE + "/{id}/checkpoints/{checkpoint_id}/resume", this::resumeCheckpoint);
    }

    private void create(Context ctx) {
        CreateWorkflowRequest request = Bodies.required(ctx, CreateWorkflowRequest.class);
        ctx.status(201).json(workflows.create(caller(ctx), request));
    }

    private void list(Context ctx) {
        WorkflowStatus status = Queries.enumValue(ctx, "status", WorkflowStatus::fromWireName, WorkflowStatus.values());
        WorkflowSource source = Queries.enumValue(ctx, "source", WorkflowSource::fromWireName, WorkflowSource.values());
        ctx.json(workflows.list(
                caller(ctx),
                status,
                source,
                Queries.text(ctx, "trace_id"),
                Queries.limit(ctx, 20, 100),
                Queries.offset(ctx)));
    }

    private void gate(Context ctx) {
        long started = System.nanoTime();
        StepGateRequest request = Bodies.required(ctx, StepGateRequest.class);
        boolean includeOutput = "true".equalsIgnoreCase(ctx.queryParam("include_prior_output"));
        StepGateResponse response = gates.gate(caller(ctx), id(ctx), ctx.pathParam("step_id"), request, includeOutput);
        ctx.json(response);
        metrics.gate(response.decision().wireName(), System.nanoTime() - started);
    }

    private void completeStep(Context ctx) {
        MarkStepCompletedRequest request =
                Bodies.optional(ctx, MarkStepCompletedRequest.class, MarkStepCompletedRequest.empty());
        steps.complete(caller(ctx), id(ctx), ctx.pathParam("step_id"), request);
        ctx.status(204);
    }

    private void approve(Context ctx) {
        ApproveStepRequest request = Bodies.optional(ctx, ApproveStepRequest.class, new ApproveStepRequest(null));
        ctx.json(steps.approve(caller(ctx), id(ctx), ctx.pathParam("step_id"), request.comment(), approver(ctx)));
    }

    private void reject(Context ctx) {
        RejectStepRequest request = Bodies.optional(ctx, RejectStepRequest.class, new RejectStepRequest(null));
        ctx.json(steps.reject(caller(ctx), id(ctx), ctx.pathParam("step_id"), request.reason(), approver(ctx)));
    }

    private void resume(Context ctx) {
        Bodies.optional(ctx, java.util.Map.class, java.util.Map.of());
        ctx.json(workflows.resume(caller(ctx), id(ctx)));
    }

    private void resumeLatest(Context ctx) {
        Bodies.optional(ctx, java.util.Map.class, java.util.Map.of());
        ctx.json(checkpoints.resumeLatest(caller(ctx), id(ctx)));
    }

    private void resumeCheckpoint(Context ctx) {
        Bodies.optional(ctx, java.util.Map.class, java.util.Map.of());
        ctx.json(checkpoints.resume(caller(ctx), id(ctx), checkpointId(ctx)));
    }

    private void pending(Context ctx) {
        ctx.json(steps.pending(caller(ctx), Queries.limit(ctx, 20, 100)));
    }

    private static @Nullable String reason(Context ctx) {
        return Bodies.optional(ctx, WorkflowReasonRequest.class, new WorkflowReasonRequest(null))
                .reason();
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    /** A checkpoint number: a positive integer, as {@code GET /{id}/checkpoints} lists them. */
    private static long checkpointId(Context ctx) {
        String raw = ctx.pathParam("checkpoint_id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Answered below like any other unusable id.
        }
        throw ApiException.badRequest("Invalid checkpoint ID");
    }

    /** The approver: {@code X-User-ID}, then {@code X-User-Email}, then the token subject, then "system". */
    private static String approver(Context ctx) {
        String id = Queries.header(ctx, "X-User-ID");
        if (id == null) {
            id = Queries.header(ctx, "X-User-Email");
        }
        if (id == null) {
            id = caller(ctx).subject();
        }
        return id == null ? "system" : id;
    }

    static Principal caller(Context ctx) {
        Principal principal = ctx.attribute(HttpServer.PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("route reached without authentication: " + ctx.path());
        }
        return principal;
    }
}
