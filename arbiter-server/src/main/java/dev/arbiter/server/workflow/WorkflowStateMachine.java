package dev.arbiter.server.workflow;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The workflow lifecycle as one transition table (contract §1.9): {@code in_progress} is the only
 * state anything can happen in; {@code completed}, {@code aborted} and {@code failed} are final.
 *
 * <p>The Mermaid diagram beside this class ({@code WorkflowStateMachine.md}) is generated from
 * {@link #TABLE}; a test fails when it is stale. Immutable and thread-safe.
 */
public final class WorkflowStateMachine {
    /** What a caller asks of a workflow. */
    public enum Event {
        GATE_STEP,
        COMPLETE_STEP,
        APPROVE_STEP,
        REJECT_STEP,
        RESUME,
        RESUME_CHECKPOINT,
        COMPLETE,
        ABORT,
        FAIL
    }

    /** One row of the table. */
    public record Transition(WorkflowStatus from, Event event, WorkflowStatus to) {}

    /** Every legal transition; anything else is refused. */
    public static final List<Transition> TABLE = new Builder()
            .add(WorkflowStatus.IN_PROGRESS, Event.GATE_STEP, WorkflowStatus.IN_PROGRESS)
            .add(WorkflowStatus.IN_PROGRESS, Event.COMPLETE_STEP, WorkflowStatus.IN_PROGRESS)
            .add(WorkflowStatus.IN_PROGRESS, Event.APPROVE_STEP, WorkflowStatus.IN_PROGRESS)
            .add(WorkflowStatus.IN_PROGRESS, Event.RESUME, WorkflowStatus.IN_PROGRESS)
            .add(WorkflowStatus.IN_PROGRESS, Event.RESUME_CHECKPOINT, WorkflowStatus.IN_PROGRESS)
            .add(WorkflowStatus.IN_PROGRESS, Event.REJECT_STEP, WorkflowStatus.ABORTED)
            .add(WorkflowStatus.IN_PROGRESS, Event.COMPLETE, WorkflowStatus.COMPLETED)
            .add(WorkflowStatus.IN_PROGRESS, Event.ABORT, WorkflowStatus.ABORTED)
            .add(WorkflowStatus.IN_PROGRESS, Event.FAIL, WorkflowStatus.FAILED)
            .build();

    private WorkflowStateMachine() {}

    /** The transition for {@code event} in state {@code from}, if the table has one. */
    public static Optional<Transition> find(WorkflowStatus from, Event event) {
        return TABLE.stream()
                .filter(t -> t.from() == from && t.event() == event)
                .findFirst();
    }

    /**
     * The transition for {@code event} in state {@code from}.
     *
     * @throws ApiException 409 {@code WORKFLOW_TERMINAL} when the workflow is final (the only way a
     *     table lookup fails, since {@code in_progress} accepts every event)
     */
    public static Transition fire(WorkflowStatus from, Event event) {
        return find(from, event).orElseThrow(() -> refusal(from, event));
    }

    private static ApiException refusal(WorkflowStatus from, Event event) {
        String message = event == Event.RESUME || event == Event.RESUME_CHECKPOINT
                ? "cannot resume workflow in terminal state: " + from.wireName()
                : "workflow is in terminal state: " + from.wireName();
        return ApiException.conflict(ErrorCode.WORKFLOW_TERMINAL, message);
    }

    /** The table as a Mermaid state diagram. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n    [*] --> in_progress\n");
        for (Transition t : TABLE) {
            out.append("    ")
                    .append(t.from().wireName())
                    .append(" --> ")
                    .append(t.to().wireName())
                    .append(" : ")
                    .append(t.event().name().toLowerCase(java.util.Locale.ROOT))
                    .append('\n');
        }
        for (WorkflowStatus status : WorkflowStatus.values()) {
            if (status.isTerminal()) {
                out.append("    ").append(status.wireName()).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    /** Collects rows and refuses duplicates (one answer per state and event). */
    private static final class Builder {
        private final List<Transition> rows = new ArrayList<>();

        Builder add(WorkflowStatus from, Event event, WorkflowStatus to) {
            for (Transition row : rows) {
                if (row.from() == from && row.event() == event) {
                    throw new IllegalStateException("duplicate transition for " + from + " on " + event);
                }
            }
            rows.add(new Transition(from, event, to));
            return this;
        }

        List<Transition> build() {
            return List.copyOf(rows);
        }
    }
}
