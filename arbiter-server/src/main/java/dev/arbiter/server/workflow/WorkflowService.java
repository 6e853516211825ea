package dev.arbiter.server.workflow;

import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.webhook.WebhookEvents;
import dev.arbiter.server.workflow.AuditEntries.Operation;
import dev.arbiter.server.workflow.WorkflowStateMachine.Event;
import dev.arbiter.store.Database;
import dev.arbiter.store.Page;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.WorkflowQuery;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.ListWorkflowsResponse;
import dev.arbiter.wire.workflow.WorkflowActionResponse;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Workflows as a whole (contract §1.3–§1.5, §1.8–§1.10): create, read, list, and the lifecycle
 * transitions complete, abort, fail and resume. Each state change and its audit record commit in one
 * transaction. Thread-safe.
 */
public final class WorkflowService {
    /** Longest trace id, in Unicode code points (contract §1.3). */
    static final int MAX_TRACE_ID = 255;

    private final Database database;
    private final Identifiers ids;
    private final ApprovalExpiry expiry;
    private final ResumeChecks resumeChecks;

    /** A service over {@code database}; approvals expire as {@code expiry} says. */
    public WorkflowService(Database database, Identifiers ids, ApprovalExpiry expiry) {
        this.database = database;
        this.ids = ids;
        this.expiry = expiry;
        this.resumeChecks = new ResumeChecks(expiry);
    }

    /** Creates a workflow; {@code total_steps} in the request is ignored (it is finalised at the end). */
    public CreateWorkflowResponse create(Principal caller, CreateWorkflowRequest request) {
        String traceId = request.traceId();
        if (traceId != null && traceId.codePointCount(0, traceId.length()) > MAX_TRACE_ID) {
            throw new ApiException(ErrorCode.INVALID_TRACE_ID, "trace_id must be at most 255 characters");
        }
        if (request.workflowName().length() > GateRequests.MAX_NAME) {
            throw ApiException.badRequest("workflow_name must be at most " + GateRequests.MAX_NAME + " characters");
        }
        WorkflowSource source = request.source() == null ? WorkflowSource.EXTERNAL : request.source();
        String metadata = JsonText.write(request.metadata() == null ? Map.of() : request.metadata());
        return database.inTransaction(tx -> {
            WorkflowRecord w = WorkflowRecord.start(
                    caller.tenant(),
                    ids.workflowId(),
                    request.workflowName(),
                    source.wireName(),
                    traceId == null || traceId.isEmpty() ? null : traceId,
                    metadata,
                    caller.clientId(),
                    tx.now());
            tx.workflows().insert(w);
            Map<String, @Nullable Object> facts = new LinkedHashMap<>();
            facts.put("source", w.source());
            facts.put("trace_id", w.traceId());
            facts.put("total_steps", request.totalSteps());
            tx.audit().append(AuditEntries.workflow(caller, w, Operation.CREATED, facts));
            return WireMapping.created(w);
        });
    }

    /** The workflow with its steps. */
    public WorkflowStatusResponse get(Principal caller, String workflowId) {
        return database.read(tx -> {
            WorkflowRecord w = Workflows.find(tx, caller, workflowId);
            return WireMapping.status(w, seen(tx, tx.steps().list(caller.tenant(), workflowId)));
        });
    }

    /** One page of the caller's workflows, newest first; each entry carries its steps. */
    public ListWorkflowsResponse list(
            Principal caller,
            @Nullable WorkflowStatus status,
            @Nullable WorkflowSource source,
            @Nullable String traceId,
            int limit,
            int offset) {
        WorkflowQuery query = new WorkflowQuery(
                caller.tenant(),
                status == null ? null : WireMapping.status(status),
                source == null ? null : source.wireName(),
                traceId,
                limit,
                offset);
        return database.read(tx -> {
            Page<WorkflowRecord> page = tx.workflows().list(query);
            List<WorkflowStatusResponse> rows = page.items().stream()
                    .map(w -> WireMapping.status(w, seen(tx, tx.steps().list(caller.tenant(), w.id()))))
                    .toList();
            return new ListWorkflowsResponse(
                    rows, Math.toIntExact(page.total()), page.limit(), page.offset(), page.hasMore());
        });
    }

    /** Completes the workflow; refused while a step awaits approval. */
    public WorkflowActionResponse complete(Principal caller, String workflowId) {
        return finish(caller, workflowId, Event.COMPLETE, null, "Workflow completed successfully");
    }

    /** Aborts the workflow with a reason ({@code Aborted by user} when absent). */
    public WorkflowActionResponse abort(Principal caller, String workflowId, @Nullable String reason) {
        return finish(caller, workflowId, Event.ABORT, orDefault(reason, "Aborted by user"), "Workflow aborted");
    }

    /** Marks the workflow failed with a reason ({@code Failed} when absent). */
    public WorkflowActionResponse fail(Principal caller, String workflowId, @Nullable String reason) {
        return finish(caller, workflowId, Event.FAIL, orDefault(reason, "Failed"), "Workflow marked as failed");
    }

    /** Checks that the workflow may continue; changes nothing but an overdue approval (contract §1.8). */
    public WorkflowActionResponse resume(Principal caller, String workflowId) {
        return database.inTransaction(tx -> resumeChecks.check(tx, caller, workflowId))
                .get();
    }

    private WorkflowActionResponse finish(
            Principal caller, String workflowId, Event event, @Nullable String reason, String message) {
        return database.inTransaction(tx -> {
            WorkflowRecord w = Workflows.locked(tx, caller, workflowId);
            WorkflowStatus to = WorkflowStateMachine.fire(WireMapping.status(w.status()), event)
                    .to();
            List<StepRecord> steps = tx.steps().list(caller.tenant(), workflowId);
            if (event == Event.COMPLETE) {
                for (StepRecord s : steps) {
                    if (expiry.settle(tx, w, s).approval().isPending()) {
                        throw ApiException.conflict(
                                ErrorCode.APPROVAL_PENDING,
                                "cannot complete workflow with pending approval for step " + s.stepId());
                    }
                }
            }
            Map<String, @Nullable Object> metadata = new LinkedHashMap<>(JsonText.map(w.metadataJson()));
            if (event == Event.ABORT) {
                metadata.put("abort_reason", reason);
            } else if (event == Event.FAIL) {
                metadata.put("failure_reason", reason);
            }
            WorkflowRecord done = w.finish(WireMapping.status(to), reason, JsonText.write(metadata), tx.now());
            tx.workflows().update(done);
            Map<String, @Nullable Object> facts = new LinkedHashMap<>();
            facts.put("status", to.wireName());
            facts.put("reason", reason);
            facts.put("total_steps", done.totalSteps());
            facts.put("steps_executed", steps.size());
            Operation op = switch (event) {
                case COMPLETE -> Operation.COMPLETED;
                case ABORT -> Operation.ABORTED;
                case FAIL -> Operation.FAILED;
                case GATE_STEP, COMPLETE_STEP, APPROVE_STEP, REJECT_STEP, RESUME, RESUME_CHECKPOINT ->
                    throw new IllegalStateException("not a workflow-finishing event: " + event);
            };
            tx.audit().append(AuditEntries.workflow(caller, done, op, facts));
            WebhookEvents.workflowFinished(tx, done);
            return new WorkflowActionResponse(done.id(), to, message, reason);
        });
    }

    private static String orDefault(@Nullable String reason, String fallback) {
        return reason == null || reason.isBlank() ? fallback : reason;
    }

    /** Steps as a read shows them: an approval past its deadline is expired even before it is written. */
    private List<StepRecord> seen(Tx tx, List<StepRecord> steps) {
        Instant now = tx.now();
        return steps.stream().map(s -> expiry.seen(s, now)).toList();
    }
}
