package dev.arbiter.client;

import dev.arbiter.wire.HealthResponse;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.audit.AuditSearchResponse;
import dev.arbiter.wire.workflow.CheckpointsResponse;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.ListWorkflowsResponse;
import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.PendingApprovalsResponse;
import dev.arbiter.wire.workflow.ResumeFromCheckpointResponse;
import dev.arbiter.wire.workflow.StepApprovalResponse;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.WorkflowActionResponse;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The Java SDK for Arbiter: ask before each step of an agent whether it may go ahead.
 *
 * <pre>{@code
 * try (ArbiterClient client = ArbiterClient.create(ArbiterConfig.builder()
 *         .endpoint("http://localhost:8080").clientId("my-app").clientSecret("secret").build())) {
 *     CreateWorkflowResponse workflow = client.createWorkflow("code-review", WorkflowSource.EXTERNAL);
 *     StepGateResponse gate = client.stepGate(workflow.workflowId(), "step-1",
 *             Requests.stepGate("Generate Code", StepType.LLM_CALL).model("gpt-4").build());
 *     if (gate.isAllowed()) { ... }
 * }
 * }</pre>
 *
 * <p>Every call exists twice: blocking, and {@code ...Async} returning a {@link CompletableFuture}. A
 * failed call throws (or completes the future with) an {@link ArbiterException}; see that class for
 * the families. Failure semantics ({@link ArbiterConfig}): a deadline per call, retries with backoff
 * for idempotent calls only (reads, audit search, and gates whose retry policy is {@code idempotent},
 * which the server answers from the stored decision), a circuit breaker, and the {@link FailureMode}
 * for gates when Arbiter cannot decide.
 *
 * <p>A 503 or 429 that carries {@code Retry-After} (an overloaded Arbiter answers a write with 503 and
 * {@code Retry-After: 1} when its write queue is full) is retried by the same rule: only those idempotent
 * calls, at most {@link ArbiterConfig#maxRetries()} times (3 attempts by default), each no sooner than the
 * header says, and not at all when the header asks for longer than the maximum backoff (2 s by default) or
 * the wait would outlast the call's deadline. Every other call — create, complete, abort, approve, resume,
 * webhook and policy writes — fails at once with the error, whose {@link ApiException#retryAfter()} tells
 * the caller when it may repeat it.
 *
 * <p>For the common agent loop use {@link #session(String, WorkflowSource)}. Thread-safe; share one
 * client per endpoint and close it when done.
 */
public final class ArbiterClient implements AutoCloseable {
    private final ArbiterConfig config;
    private final Counters counters;
    private final Transport transport;
    private final WorkflowCalls calls;
    private final TenantPolicies tenantPolicies;
    private final StaticPolicies staticPolicies;
    private final Webhooks webhooks;

    private ArbiterClient(ArbiterConfig config) {
        Codec codec = new Codec();
        this.config = config;
        this.counters = new Counters();
        this.transport = new Transport(config, new ErrorBodies(codec.mapper()), counters);
        this.calls = new WorkflowCalls(transport, codec, new Gates(config.failureMode(), counters));
        this.tenantPolicies = new TenantPolicies(transport, codec);
        this.staticPolicies = new StaticPolicies(transport, codec);
        this.webhooks = new Webhooks(transport, codec);
    }

    /** A client with these settings. */
    public static ArbiterClient create(ArbiterConfig config) {
        return new ArbiterClient(Objects.requireNonNull(config, "config"));
    }

    /** A client for an endpoint without credentials (community mode), other settings default. */
    public static ArbiterClient create(String endpoint) {
        return create(ArbiterConfig.builder().endpoint(endpoint).build());
    }

    /** The settings this client uses. */
    public ArbiterConfig config() {
        return config;
    }

    /** The counters now: requests, failures, retries, breaker openings, fail-open and fail-closed gates. */
    public ClientStats stats() {
        return counters.snapshot(transport.circuitState());
    }

    /** The circuit breaker's state now. */
    public CircuitState circuitState() {
        return transport.circuitState();
    }

    /** Starts describing a {@link WorkflowSession}; {@code start(...)} creates the workflow. */
    public SessionBuilder session(String workflowName, WorkflowSource source) {
        return new SessionBuilder(this, workflowName, source);
    }

    /** Tenant (dynamic) policy management, contract §2.1. */
    public TenantPolicies tenantPolicies() {
        return tenantPolicies;
    }

    /** Webhook subscriptions to Workflow Control Plane events. */
    public Webhooks webhooks() {
        return webhooks;
    }

    /** Static (pattern) policy management, contract §2.4. */
    public StaticPolicies staticPolicies() {
        return staticPolicies;
    }

    /** Arbiter's health ({@code GET /health}); bypasses the circuit breaker so it can always probe. */
    public HealthResponse health() {
        return Futures.await(healthAsync());
    }

    /** Async {@link #health()}. */
    public CompletableFuture<HealthResponse> healthAsync() {
        return calls.health();
    }

    /** Creates a workflow ({@code POST /api/v1/workflows}); not retried, as a repeat would create another. */
    public CreateWorkflowResponse createWorkflow(CreateWorkflowRequest request) {
        return Futures.await(createWorkflowAsync(request));
    }

    /** Creates a workflow with just a name and a source. */
    public CreateWorkflowResponse createWorkflow(String workflowName, WorkflowSource source) {
        return createWorkflow(CreateWorkflowRequest.of(workflowName, source));
    }

    /** Async {@link #createWorkflow(CreateWorkflowRequest)}. */
    public CompletableFuture<CreateWorkflowResponse> createWorkflowAsync(CreateWorkflowRequest request) {
        return calls.createWorkflow(request);
    }

    /**
     * Asks whether a step may run; {@code stepId} is the caller's id for it, unique within the workflow. The
     * answer is {@code allow}, {@code block} or {@code require_approval}, all with HTTP 200. When Arbiter cannot
     * decide, the configured {@link FailureMode} applies.
     */
    public StepGateResponse stepGate(String workflowId, String stepId, StepGateRequest request) {
        return Futures.await(stepGateAsync(workflowId, stepId, request, false));
    }

    /** As {@link #stepGate(String, String, StepGateRequest)}, asking for the prior output of a retried step. */
    public StepGateResponse stepGate(
            String workflowId, String stepId, StepGateRequest request, boolean includePriorOutput) {
        return Futures.await(stepGateAsync(workflowId, stepId, request, includePriorOutput));
    }

    /** Async {@link #stepGate(String, String, StepGateRequest)}. */
    public CompletableFuture<StepGateResponse> stepGateAsync(
            String workflowId, String stepId, StepGateRequest request) {
        return stepGateAsync(workflowId, stepId, request, false);
    }

    /** Async {@link #stepGate(String, String, StepGateRequest, boolean)}. */
    public CompletableFuture<StepGateResponse> stepGateAsync(
            String workflowId, String stepId, StepGateRequest request, boolean includePriorOutput) {
        return calls.stepGate(workflowId, stepId, request, includePriorOutput);
    }

    /** Marks a step completed with its output and actual usage (204); not retried. */
    public void markStepCompleted(String workflowId, String stepId, MarkStepCompletedRequest request) {
        Futures.await(markStepCompletedAsync(workflowId, stepId, request));
    }

    /** Marks a step completed without output or usage. */
    public void markStepCompleted(String workflowId, String stepId) {
        markStepCompleted(workflowId, stepId, MarkStepCompletedRequest.empty());
    }

    /** Async {@link #markStepCompleted(String, String, MarkStepCompletedRequest)}. */
    public CompletableFuture<Void> markStepCompletedAsync(
            String workflowId, String stepId, MarkStepCompletedRequest request) {
        return calls.markStepCompleted(workflowId, stepId, request);
    }

    /** Completes the workflow; 409 {@link ApprovalPendingException} while a step awaits approval. */
    public WorkflowActionResponse completeWorkflow(String workflowId) {
        return Futures.await(completeWorkflowAsync(workflowId));
    }

    /** Async {@link #completeWorkflow(String)}. */
    public CompletableFuture<WorkflowActionResponse> completeWorkflowAsync(String workflowId) {
        return calls.action(workflowId, "complete", null);
    }

    /** Aborts the workflow, e.g. after a block; the server says "Aborted by user" if {@code reason} is null. */
    public WorkflowActionResponse abortWorkflow(String workflowId, @Nullable String reason) {
        return Futures.await(abortWorkflowAsync(workflowId, reason));
    }

    /** Async {@link #abortWorkflow(String, String)}. */
    public CompletableFuture<WorkflowActionResponse> abortWorkflowAsync(String workflowId, @Nullable String reason) {
        return calls.action(workflowId, "abort", reason);
    }

    /** Marks the workflow failed: an error condition, unlike an abort. */
    public WorkflowActionResponse failWorkflow(String workflowId, @Nullable String reason) {
        return Futures.await(failWorkflowAsync(workflowId, reason));
    }

    /** Async {@link #failWorkflow(String, String)}. */
    public CompletableFuture<WorkflowActionResponse> failWorkflowAsync(String workflowId, @Nullable String reason) {
        return calls.action(workflowId, "fail", reason);
    }

    /** Checks that the workflow may continue (no pending or rejected approval); changes nothing. */
    public WorkflowActionResponse resumeWorkflow(String workflowId) {
        return Futures.await(resumeWorkflowAsync(workflowId));
    }

    /** Async {@link #resumeWorkflow(String)}. */
    public CompletableFuture<WorkflowActionResponse> resumeWorkflowAsync(String workflowId) {
        return calls.action(workflowId, "resume", null);
    }

    /** The workflow with its steps. */
    public WorkflowStatusResponse getWorkflow(String workflowId) {
        return Futures.await(getWorkflowAsync(workflowId));
    }

    /** Async {@link #getWorkflow(String)}. */
    public CompletableFuture<WorkflowStatusResponse> getWorkflowAsync(String workflowId) {
        return calls.getWorkflow(workflowId);
    }

    /** Workflows of the caller's tenant, newest first. */
    public ListWorkflowsResponse listWorkflows(ListWorkflowsOptions options) {
        return Futures.await(listWorkflowsAsync(options));
    }

    /** The newest workflows, with the server's default page size. */
    public ListWorkflowsResponse listWorkflows() {
        return listWorkflows(ListWorkflowsOptions.all());
    }

    /** Async {@link #listWorkflows(ListWorkflowsOptions)}. */
    public CompletableFuture<ListWorkflowsResponse> listWorkflowsAsync(ListWorkflowsOptions options) {
        return calls.listWorkflows(options);
    }

    /** Approves a waiting step as {@link ArbiterConfig#userId()}; {@code comment} needs 10+ characters (else 400). */
    public StepApprovalResponse approveStep(String workflowId, String stepId, String comment) {
        return Futures.await(approveStepAsync(workflowId, stepId, comment));
    }

    /** Async {@link #approveStep(String, String, String)}. */
    public CompletableFuture<StepApprovalResponse> approveStepAsync(String workflowId, String stepId, String comment) {
        return calls.approveStep(workflowId, stepId, comment);
    }

    /** Rejects a waiting step, which also aborts its workflow; {@code reason} needs 10+ characters (else 400). */
    public StepApprovalResponse rejectStep(String workflowId, String stepId, String reason) {
        return Futures.await(rejectStepAsync(workflowId, stepId, reason));
    }

    /** Async {@link #rejectStep(String, String, String)}. */
    public CompletableFuture<StepApprovalResponse> rejectStepAsync(String workflowId, String stepId, String reason) {
        return calls.rejectStep(workflowId, stepId, reason);
    }

    /** The workflow's checkpoints, one per gated step, by step index; their ids are what a resume takes. */
    public CheckpointsResponse getCheckpoints(String workflowId) {
        return Futures.await(getCheckpointsAsync(workflowId));
    }

    /** Async {@link #getCheckpoints(String)}. */
    public CompletableFuture<CheckpointsResponse> getCheckpointsAsync(String workflowId) {
        return calls.checkpoints(workflowId);
    }

    /**
     * Evaluates the step of the latest resumable checkpoint (the last step not blocked) again against the
     * current policies, e.g. after a policy change or after its approval expired. 409
     * {@link ConflictException} {@code NOT_RESUMABLE} when no checkpoint is resumable,
     * {@link WorkflowTerminalException} for a finished workflow, {@link ApprovalPendingException} while
     * another step awaits approval. Not retried: every resume is a fresh evaluation and is counted.
     */
    public ResumeFromCheckpointResponse resumeFromCheckpoint(String workflowId) {
        return Futures.await(resumeFromCheckpointAsync(workflowId));
    }

    /** Async {@link #resumeFromCheckpoint(String)}. */
    public CompletableFuture<ResumeFromCheckpointResponse> resumeFromCheckpointAsync(String workflowId) {
        return calls.resumeFromCheckpoint(workflowId, null);
    }

    /**
     * As {@link #resumeFromCheckpoint(String)} from the checkpoint with this id ({@link #getCheckpoints}); 409
     * {@code NOT_RESUMABLE} when its step was blocked, 404 {@link NotFoundException} when the workflow has no
     * such checkpoint.
     */
    public ResumeFromCheckpointResponse resumeFromCheckpoint(String workflowId, long checkpointId) {
        return Futures.await(resumeFromCheckpointAsync(workflowId, checkpointId));
    }

    /** Async {@link #resumeFromCheckpoint(String, long)}. */
    public CompletableFuture<ResumeFromCheckpointResponse> resumeFromCheckpointAsync(
            String workflowId, long checkpointId) {
        return calls.resumeFromCheckpoint(workflowId, checkpointId);
    }

    /** Steps of the caller's tenant waiting for a person, newest first; at most {@code limit} (1..100). */
    public PendingApprovalsResponse getPendingApprovals(int limit) {
        return Futures.await(getPendingApprovalsAsync(limit));
    }

    /** Pending approvals with the server's default limit (20). */
    public PendingApprovalsResponse getPendingApprovals() {
        return Futures.await(calls.pendingApprovals(null));
    }

    /** Async {@link #getPendingApprovals(int)}. */
    public CompletableFuture<PendingApprovalsResponse> getPendingApprovalsAsync(int limit) {
        return calls.pendingApprovals(limit);
    }

    /** Searches the caller's tenant's audit log, newest first; read-only, so retried like a read. */
    public AuditSearchResponse searchAuditLogs(AuditSearchRequest request) {
        return Futures.await(searchAuditLogsAsync(request));
    }

    /** Async {@link #searchAuditLogs(AuditSearchRequest)}. */
    public CompletableFuture<AuditSearchResponse> searchAuditLogsAsync(AuditSearchRequest request) {
        return calls.searchAuditLogs(request);
    }

    /** Stops the client: later calls throw {@link IllegalStateException}; calls in flight may fail. */
    @Override
    public void close() {
        transport.close();
    }

    /** Reads a workflow for approval polling: outside the breaker and without retries (the poll loop retries). */
    WorkflowStatusResponse pollWorkflow(String workflowId) {
        return calls.pollWorkflow(workflowId);
    }

    Counters counters() {
        return counters;
    }
}
