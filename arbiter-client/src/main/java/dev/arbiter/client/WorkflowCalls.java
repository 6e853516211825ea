package dev.arbiter.client;

import dev.arbiter.wire.HealthResponse;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.audit.AuditSearchResponse;
import dev.arbiter.wire.workflow.ApproveStepRequest;
import dev.arbiter.wire.workflow.CheckpointsResponse;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.ListWorkflowsResponse;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.PendingApprovalsResponse;
import dev.arbiter.wire.workflow.RejectStepRequest;
import dev.arbiter.wire.workflow.ResumeFromCheckpointResponse;
import dev.arbiter.wire.workflow.RetryPolicy;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.WorkflowActionResponse;
import dev.arbiter.wire.workflow.WorkflowReasonRequest;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP calls behind {@link ArbiterClient}'s Workflow Control Plane, approval, audit and health methods:
 * path, query, body, whether a call may be retried or bypasses the breaker, and the shape function each
 * answer is read with ({@link Shapes}). Thread-safe.
 */
final class WorkflowCalls {
    private static final String WORKFLOWS = "/api/v1/workflows";

    private final Transport transport;
    private final Codec codec;
    private final Gates gates;

    WorkflowCalls(Transport transport, Codec codec, Gates gates) {
        this.transport = transport;
        this.codec = codec;
        this.gates = gates;
    }

    /** Bypasses the circuit breaker so health can always probe. */
    CompletableFuture<HealthResponse> health() {
        return transport
                .send(HttpCall.get("/health").guarded(false))
                .thenApply(r -> codec.read(r, HealthResponse.class, Shapes::health));
    }

    /** Not retried, as a repeat would create another workflow. */
    CompletableFuture<CreateWorkflowResponse> createWorkflow(CreateWorkflowRequest request) {
        return read(HttpCall.post(WORKFLOWS, body(request)), CreateWorkflowResponse.class);
    }

    CompletableFuture<StepGateResponse> stepGate(
            String workflowId, String stepId, StepGateRequest request, boolean includePriorOutput) {
        String path = stepPath(workflowId, stepId) + "/gate";
        // The server answers a re-gate of the same step from the stored decision, so a repeat is safe.
        boolean idempotent = request.retryPolicy() == null || request.retryPolicy() == RetryPolicy.IDEMPOTENT;
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("include_prior_output", includePriorOutput ? "true" : null);
        HttpCall call =
                HttpCall.post(path, body(request)).idempotent(idempotent).withQuery(query);
        return gates.decide(
                stepId, transport.send(call).thenApply(r -> codec.read(r, StepGateResponse.class, Shapes::same)));
    }

    CompletableFuture<Void> markStepCompleted(String workflowId, String stepId, MarkStepCompletedRequest request) {
        HttpCall call = HttpCall.post(stepPath(workflowId, stepId) + "/complete", body(request));
        return transport.send(call).thenApply(r -> null);
    }

    /** {@code complete}, {@code abort}, {@code fail} or {@code resume}, with a reason where one is given. */
    CompletableFuture<WorkflowActionResponse> action(String workflowId, String action, @Nullable String reason) {
        String reasonBody = reason == null ? null : codec.write(new WorkflowReasonRequest(reason));
        HttpCall call = HttpCall.post(workflowPath(workflowId) + "/" + action, reasonBody);
        return read(call, WorkflowActionResponse.class);
    }

    CompletableFuture<WorkflowStatusResponse> getWorkflow(String workflowId) {
        return read(HttpCall.get(workflowPath(workflowId)), WorkflowStatusResponse.class);
    }

    /** For approval polling: outside the breaker and without retries (the poll loop retries). */
    WorkflowStatusResponse pollWorkflow(String workflowId) {
        HttpCall call = HttpCall.get(workflowPath(workflowId)).guarded(false).idempotent(false);
        return Futures.await(read(call, WorkflowStatusResponse.class));
    }

    CompletableFuture<CheckpointsResponse> checkpoints(String workflowId) {
        return transport
                .send(HttpCall.get(workflowPath(workflowId) + "/checkpoints"))
                .thenApply(r -> codec.read(r, CheckpointsResponse.class, node -> Shapes.list(node, "checkpoints")));
    }

    /**
     * From the latest resumable checkpoint, or from {@code checkpointId} when given. Not retried: each resume
     * evaluates the step afresh and counts on the checkpoint.
     */
    CompletableFuture<ResumeFromCheckpointResponse> resumeFromCheckpoint(
            String workflowId, @Nullable Long checkpointId) {
        String path = workflowPath(workflowId) + "/checkpoints";
        if (checkpointId != null) {
            if (checkpointId < 1) {
                throw new IllegalArgumentException("checkpointId must be positive: " + checkpointId);
            }
            path += "/" + checkpointId;
        }
        return read(HttpCall.post(path + "/resume", null), ResumeFromCheckpointResponse.class);
    }

    CompletableFuture<ListWorkflowsResponse> listWorkflows(ListWorkflowsOptions options) {
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("status", options.status() == null ? null : options.status().wireName());
        query.put("source", options.source() == null ? null : options.source().wireName());
        query.put("trace_id", options.traceId());
        query.put("limit", options.limit());
        query.put("offset", options.offset());
        return transport
                .send(HttpCall.get(WORKFLOWS).withQuery(query))
                .thenApply(r -> codec.read(r, ListWorkflowsResponse.class, Shapes::workflowList));
    }

    CompletableFuture<StepApprovalResponse> approveStep(String workflowId, String stepId, String comment) {
        HttpCall call = HttpCall.post(stepPath(workflowId, stepId) + "/approve", body(new ApproveStepRequest(comment)));
        return transport.send(call).thenApply(r -> codec.read(r, StepApprovalResponse.class, Shapes::approval));
    }

    CompletableFuture<StepApprovalResponse> rejectStep(String workflowId, String stepId, String reason) {
        HttpCall call = HttpCall.post(stepPath(workflowId, stepId) + "/reject", body(new RejectStepRequest(reason)));
        return transport.send(call).thenApply(r -> codec.read(r, StepApprovalResponse.class, Shapes::approval));
    }

    /** At most {@code limit} (1..100), or the server's default when null. */
    CompletableFuture<PendingApprovalsResponse> pendingApprovals(@Nullable Integer limit) {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new IllegalArgumentException("limit must be within 1..100: " + limit);
        }
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        query.put("limit", limit);
        return transport
                .send(HttpCall.get(WORKFLOWS + "/approvals/pending").withQuery(query))
                .thenApply(r -> codec.read(r, PendingApprovalsResponse.class, Shapes::pendingApprovals));
    }

    /** Read-only, so retried like a read. */
    CompletableFuture<AuditSearchResponse> searchAuditLogs(AuditSearchRequest request) {
        HttpCall call = HttpCall.post("/api/v1/audit/search", body(request)).idempotent(true);
        return transport
                .send(call)
                .thenApply(r -> codec.read(
                        r,
                        AuditSearchResponse.class,
                        node -> Shapes.auditSearch(node, request.limit(), request.offset())));
    }

    private <T> CompletableFuture<T> read(HttpCall call, Class<T> type) {
        return transport.send(call).thenApply(r -> codec.read(r, type, Shapes::same));
    }

    private String body(Object request) {
        return codec.write(Objects.requireNonNull(request, "request"));
    }

    private static String workflowPath(String workflowId) {
        return WORKFLOWS + "/" + HttpCall.segment(workflowId, "workflowId");
    }

    private static String stepPath(String workflowId, String stepId) {
        return workflowPath(workflowId) + "/steps/" + HttpCall.segment(stepId, "stepId");
    }
}
