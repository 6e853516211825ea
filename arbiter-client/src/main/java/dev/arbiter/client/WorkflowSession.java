package dev.arbiter.client;

import dev.arbiter.wire.workflow.MarkStepCompletedRequest;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One governed run of an agent: the Java counterpart of the Python LangGraph adapter (seed 001).
 *
 * <pre>{@code
 * try (WorkflowSession session = client.session("research-agent", WorkflowSource.LANGGRAPH).start(traceId)) {
 *     if (session.checkGate("plan_research", StepType.LLM_CALL, "gpt-4", "openai", Map.of("topic", topic))) {
 *         Map<String, Object> plan = session.call(() -> planResearch(topic));
 *         session.stepCompleted("plan_research", plan, Usage.of(120, 340, 0.0021));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Closing</b> completes the workflow, or aborts it with the message of the failure the session
 * recorded. Java gives {@link AutoCloseable#close()} no access to an exception leaving the try block,
 * so the session does not guess: it records, explicitly, every exception thrown by its own methods
 * (a block, an approval that is required, denied or late, an Arbiter error) and by work run through
 * {@link #call(Work)} or {@link SessionBuilder#run(String, Body)}. A later successful session call clears the
 * record, because the body evidently carried on. Exceptions of your own code outside {@code call} are
 * invisible to {@code close()}; run such work through {@code call}, or end the workflow yourself with
 * {@link #abort(String)} or {@link #fail(String)}.
 *
 * <p><b>Step ids</b> are {@code step-<n>-<slug of the name>}, counted per name in this session, so a
 * completion always matches its gate and a re-run of the same sequence produces the same ids.
 *
 * <p><b>Unreachable Arbiter</b>: with {@link FailureMode#FAIL_CLOSED} the gate throws and the step does
 * not run. With {@link FailureMode#FAIL_OPEN} gates allow, completion reports that cannot be delivered
 * are logged and skipped, and a session whose workflow could not even be created runs ungoverned
 * ({@link #workflowId()} is empty), each gate logged at WARNING and counted. Waiting for approval
 * always fails closed.
 *
 * <p>Meant for one agent run on one thread at a time; its bookkeeping is nonetheless thread-safe.
 */
public final class WorkflowSession implements AutoCloseable {
    private final @Nullable String workflowId;
    private final @Nullable String traceId;
    private final StepIds stepIds = new StepIds();
    private final SessionState state = new SessionState();
    private final SessionGates gates;
    private final @Nullable SessionReports reports;

    WorkflowSession(
            ArbiterClient client, SessionBuilder settings, @Nullable String workflowId, @Nullable String traceId) {
        this.workflowId = workflowId;
        this.traceId = traceId;
        this.gates = new SessionGates(client, settings, state, workflowId);
        this.reports = workflowId == null ? null : new SessionReports(client, workflowId);
    }

    /** The workflow's id; empty when the session runs ungoverned because Arbiter was unreachable (fail open). */
    public Optional<String> workflowId() {
        return Optional.ofNullable(workflowId);
    }

    /** The external trace id given at start, if any. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** The answer of the session's latest gate call, if any. */
    public Optional<StepGateResponse> lastGate() {
        return state.lastGate();
    }

    /** {@link #checkGate(String, StepType, String, String, Map)} without model, provider or input. */
    public boolean checkGate(String stepName, StepType stepType) {
        return checkGate(stepName, stepType, null, null, null);
    }

    /**
     * Asks whether a step may run. True on {@code allow}. On {@code block}: throws
     * {@link WorkflowBlockedException} with the reason and policy ids when {@code autoBlock} is on (the
     * default), else returns false. On {@code require_approval}: waits for the approval if the session
     * was built with {@link SessionBuilder#waitForApproval(Duration, Duration)}, else throws
     * {@link ApprovalRequiredException} with the approval id.
     */
    public boolean checkGate(
            String stepName,
            StepType stepType,
            @Nullable String model,
            @Nullable String provider,
            @Nullable Map<String, ? extends @Nullable Object> input) {
        Requests.StepGate request = Requests.stepGate(stepName, stepType)
                .model(model)
                .provider(provider)
                .input(input);
        return gate(stepName, request.build());
    }

    /** Asks whether a step may run, with every gate field available; the request must name its step. */
    public boolean checkGate(StepGateRequest request) {
        String stepName = request.stepName();
        if (stepName == null) {
            throw new IllegalArgumentException("the gate request must carry a step name");
        }
        return gate(stepName, request);
    }

    /** Reports a gated step done with its output and usage. */
    public void stepCompleted(String stepName, @Nullable Map<String, ? extends @Nullable Object> output, Usage usage) {
        state.checkOpen(workflowId);
        String stepId = stepIds.latest(stepName)
                .orElseThrow(() -> new IllegalStateException("step '" + stepName + "' was not gated in this session"));
        Objects.requireNonNull(usage, "usage");
        Map<String, @Nullable Object> copy = output == null ? null : new LinkedHashMap<>(output);
        state.tracked(() -> {
            if (reports != null) {
                reports.stepCompleted(
                        stepId,
                        new MarkStepCompletedRequest(
                                copy, usage.tokensIn(), usage.tokensOut(), usage.costUsd(), null, null));
            }
            return null;
        });
    }

    /** Reports a gated step done with its output. */
    public void stepCompleted(String stepName, @Nullable Map<String, ? extends @Nullable Object> output) {
        stepCompleted(stepName, output, Usage.none());
    }

    /**
     * Asks whether one tool call may run: step {@code tools/<toolName>}, type {@code tool_call}, with a
     * tool context that policies see as {@code tool_name}, {@code tool_type} and {@code tool_input.<key>}.
     * Answers like {@link #checkGate(String, StepType, String, String, Map)}.
     */
    public boolean checkToolGate(
            String toolName, @Nullable String toolType, @Nullable Map<String, ? extends @Nullable Object> toolInput) {
        if (toolName == null || toolName.isBlank()) {
            throw new IllegalArgumentException("toolName must not be blank");
        }
        String stepName = toolStep(toolName);
        return gate(
                stepName,
                Requests.stepGate(stepName, StepType.TOOL_CALL)
                        .tool(toolName, toolType, toolInput)
                        .build());
    }

    /** Reports a gated tool call done. */
    public void toolCompleted(String toolName, @Nullable Map<String, ? extends @Nullable Object> output, Usage usage) {
        stepCompleted(toolStep(toolName), output, usage);
    }

    /** Reports a gated tool call done with its output. */
    public void toolCompleted(String toolName, @Nullable Map<String, ? extends @Nullable Object> output) {
        toolCompleted(toolName, output, Usage.none());
    }

    /**
     * Waits until the step that last answered {@code require_approval} is approved, polling every
     * {@code pollInterval} for at most {@code maxWait}. Fails closed: throws
     * {@link ApprovalDeniedException} on rejection or expiry and {@link ApprovalTimeoutException} when
     * the wait ends or Arbiter cannot be asked.
     */
    public void waitForApproval(Duration pollInterval, Duration maxWait) {
        GateException pending = gates.pending();
        SessionBuilder.checkWait(pollInterval, maxWait);
        state.tracked(() -> {
            gates.await(pending, pollInterval, maxWait);
            return null;
        });
    }

    /**
     * Runs a piece of the agent's work so the session sees its outcome: an exception is recorded (and
     * rethrown), so closing aborts the workflow with its message.
     */
    public <T, E extends Exception> T call(Work<T, E> work) throws E {
        try {
            T result = work.run();
            state.record(null);
            return result;
        } catch (Exception | Error e) {
            state.record(e);
            throw e;
        }
    }

    /** Completes the workflow now; {@link #close()} then does nothing. */
    public void complete() {
        if (state.finish() && reports != null) {
            reports.end(null);
        }
    }

    /** Aborts the workflow now with this reason; {@link #close()} then does nothing. */
    public void abort(String reason) {
        if (state.finish() && reports != null) {
            reports.end(Objects.requireNonNull(reason, "reason"));
        }
    }

    /** Marks the workflow failed now with this reason; {@link #close()} then does nothing. */
    public void fail(String reason) {
        if (state.finish() && reports != null) {
            reports.fail(reason);
        }
    }

    /** Completes the workflow, or aborts it with the recorded failure's message; see the class comment. */
    @Override
    public void close() {
        Throwable recorded = state.failure();
        if (state.finish() && reports != null) {
            reports.end(recorded == null ? null : SessionReports.reasonOf(recorded));
        }
    }

    private boolean gate(String stepName, StepGateRequest request) {
        state.checkOpen(workflowId);
        String stepId = stepIds.next(stepName);
        return state.tracked(() -> gates.decide(stepName, stepId, request));
    }

    private static String toolStep(String toolName) {
        return "tools/" + toolName;
    }

    /**
     * Work whose outcome the session should see.
     *
     * @param <T> the result
     * @param <E> the checked exception it may throw
     */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        /** Does the work. */
        T run() throws E;
    }

    /**
     * A whole session body for {@link SessionBuilder#run(String, Body)}.
     *
     * @param <T> the result
     * @param <E> the checked exception it may throw
     */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        /** Runs the agent inside the session. */
        T run(WorkflowSession session) throws E;
    }
}
