package dev.arbiter.server.workflow;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.wire.workflow.ApprovalStatus;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A step's approval lifecycle as one transition table (contract §1.9): none, then {@code pending}
 * when a gate requires approval, then {@code approved} or {@code rejected} by a person, or
 * {@code expired} when nobody decided within the approval timeout ({@link ApprovalExpiry}; kept
 * distinct from rejected). A fresh gate of the same step with a different input starts over from none.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApprovalStateMachine {
    /** What happens to a step's approval. */
    public enum Event {
        REQUIRE,
        APPROVE,
        REJECT,
        EXPIRE
    }

    /**
     * One row of the table; {@code from == null} means the step has no approval yet.
     *
     * @param from the current status, {@code null} for none
     * @param event what happens
     * @param to the new status
     */
    public record Transition(@Nullable ApprovalStatus from, Event event, ApprovalStatus to) {}

    /** Every legal transition. */
    public static final List<Transition> TABLE = List.of(
            new Transition(null, Event.REQUIRE, ApprovalStatus.PENDING),
            new Transition(ApprovalStatus.PENDING, Event.APPROVE, ApprovalStatus.APPROVED),
            new Transition(ApprovalStatus.PENDING, Event.REJECT, ApprovalStatus.REJECTED),
            new Transition(ApprovalStatus.PENDING, Event.EXPIRE, ApprovalStatus.EXPIRED));

    private ApprovalStateMachine() {}

    /**
     * The transition for {@code event} from {@code from}.
     *
     * @throws ApiException 409 {@code NO_APPROVAL_NEEDED} when the step never required approval,
     *     {@code APPROVAL_EXPIRED} when it expired, {@code NOT_PENDING} when it was already decided
     */
    public static Transition fire(@Nullable ApprovalStatus from, Event event) {
        for (Transition row : TABLE) {
            if (row.from() == from && row.event() == event) {
                return row;
            }
        }
        if (from == null) {
            throw ApiException.conflict(ErrorCode.NO_APPROVAL_NEEDED, "step does not require approval");
        }
        if (from == ApprovalStatus.EXPIRED) {
            throw ApiException.conflict(ErrorCode.APPROVAL_EXPIRED, "step approval has expired");
        }
        throw new IllegalStateException("no approval transition from " + from + " on " + event);
    }

    /** Like {@link #fire}, but a decided approval is {@code NOT_PENDING} rather than a bug. */
    public static Transition decide(@Nullable ApprovalStatus from, Event event) {
        if (from == ApprovalStatus.APPROVED || from == ApprovalStatus.REJECTED) {
            throw ApiException.conflict(
                    ErrorCode.NOT_PENDING, "step is not pending approval (" + from.wireName() + ")");
        }
        return fire(from, event);
    }

    /** The table as a Mermaid state diagram. */
    public static String mermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        for (Transition t : TABLE) {
            out.append("    ")
                    .append(t.from() == null ? "[*]" : t.from().wireName())
                    .append(" --> ")
                    .append(t.to().wireName())
                    .append(" : ")
                    .append(t.event().name().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        return out.toString();
    }
}
