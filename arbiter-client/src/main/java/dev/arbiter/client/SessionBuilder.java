package dev.arbiter.client;

import dev.arbiter.wire.workflow.CreateWorkflowRequest;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Describes a {@link WorkflowSession} before it starts; from {@link ArbiterClient#session(String,
 * WorkflowSource)}. {@link #start(String)} creates the workflow. Not thread-safe; the session it starts
 * keeps a snapshot of nothing but these settings, so do not change them after starting.
 */
public final class SessionBuilder {
    private static final System.Logger LOG = System.getLogger(SessionBuilder.class.getName());

    private final ArbiterClient client;
    private final String workflowName;
    private final WorkflowSource source;
    private @Nullable Map<String, @Nullable Object> metadata;
    private boolean autoBlock = true;
    private @Nullable Duration pollInterval;
    private @Nullable Duration maxWait;

    SessionBuilder(ArbiterClient client, String workflowName, WorkflowSource source) {
        if (workflowName == null || workflowName.isBlank()) {
            throw new IllegalArgumentException("workflowName must not be blank");
        }
        this.client = client;
        this.workflowName = workflowName;
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Free-form facts stored with the workflow, e.g. environment and team. */
    public SessionBuilder metadata(@Nullable Map<String, ? extends @Nullable Object> metadata) {
        this.metadata = metadata == null ? null : new LinkedHashMap<>(metadata);
        return this;
    }

    /**
     * On (the default): a {@code block} decision throws {@link WorkflowBlockedException}. Off: the gate
     * returns false and the body decides.
     */
    public SessionBuilder autoBlock(boolean autoBlock) {
        this.autoBlock = autoBlock;
        return this;
    }

    /**
     * Makes a gate that answers {@code require_approval} wait for the approval (polling every
     * {@code pollInterval}, at most {@code maxWait}) instead of throwing {@link ApprovalRequiredException}.
     */
    public SessionBuilder waitForApproval(Duration pollInterval, Duration maxWait) {
        checkWait(pollInterval, maxWait);
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
        return this;
    }

    /** Creates the workflow and returns the session; close it (try-with-resources) to end the workflow. */
    public WorkflowSession start() {
        return start(null);
    }

    /**
     * Creates the workflow with an external trace id (LangSmith, Datadog, OpenTelemetry) and returns the
     * session. If Arbiter cannot be reached the call throws, unless the client fails open: then the
     * session runs ungoverned and says so at WARNING.
     */
    public WorkflowSession start(@Nullable String traceId) {
        CreateWorkflowRequest request = new CreateWorkflowRequest(workflowName, source, metadata, traceId, null);
        try {
            CreateWorkflowResponse created = client.createWorkflow(request);
            return new WorkflowSession(client, this, created.workflowId(), traceId);
        } catch (ArbiterUnavailableException | ServerException e) {
            if (client.config().failureMode() == FailureMode.FAIL_CLOSED) {
                throw e;
            }
            client.counters().failOpenAllowed.increment();
            LOG.log(
                    Level.WARNING,
                    "could not create workflow {0}; the session runs UNGOVERNED because the client fails open: {1}",
                    workflowName,
                    e.getMessage());
            return new WorkflowSession(client, this, null, traceId);
        }
    }

    /**
     * Starts a session, runs the body in it and closes it: completed when the body returns, aborted with
     * the exception's message when it throws (the exception is rethrown).
     */
    public <T, E extends Exception> T run(@Nullable String traceId, WorkflowSession.Body<T, E> body) throws E {
        try (WorkflowSession session = start(traceId)) {
            return session.call(() -> body.run(session));
        }
    }

    boolean autoBlock() {
        return autoBlock;
    }

    @Nullable
    Duration pollInterval() {
        return pollInterval;
    }

    @Nullable
    Duration maxWait() {
        return maxWait;
    }

    static void checkWait(Duration pollInterval, Duration maxWait) {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(maxWait, "maxWait");
        if (pollInterval.isNegative() || pollInterval.isZero() || maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("pollInterval and maxWait must be positive");
        }
    }
}
