package dev.arbiter.server.workflow;

import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.workflow.AuditEntries.Operation;
import dev.arbiter.store.Approval;
import dev.arbiter.store.ApprovalStatus;
import dev.arbiter.store.Database;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.Tx;
import dev.arbiter.store.WorkflowRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Approval expiry (contract §1.9): a pending approval expires {@code timeout} after the gate that asked
 * for it, and {@code expired} stays distinct from {@code rejected}.
 *
 * <p>Expiry is exact without a background job. Every path that reads a pending approval under its
 * workflow's lock settles it first ({@link #settle}): an overdue approval is written as expired, with its
 * {@code workflow_step_expired} audit record, in that path's transaction. Reads that take no lock show it
 * as expired without writing ({@link #seen}). {@link #expireDue} writes overdue approvals nobody asked
 * about, one workflow lock per transaction; the {@link ApprovalSweeper} runs it in the background so that
 * they also leave the pending list's table and reach the audit trail promptly. Thread-safe.
 */
public final class ApprovalExpiry {
    /** Overdue approvals read per query by {@link #expireDue}. */
    static final int BATCH = 100;

    private final Database database;
    private final Duration timeout;

    /** Expiry after {@code timeout}, which must be positive. */
    public ApprovalExpiry(Database database, Duration timeout) {
        this.database = Objects.requireNonNull(database, "database");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("approval timeout must be positive: " + timeout);
        }
        // The database keeps microseconds; a finer timeout would make the SQL and Java checks disagree.
        this.timeout = timeout.truncatedTo(ChronoUnit.MICROS);
    }

    /** How long an approval stays pending. */
    public Duration timeout() {
        return timeout;
    }

    /** When the step's approval expires: the time of the gate that asked for it plus the timeout. */
    Instant deadline(StepRecord s) {
        return s.gate().gatedAt().plus(timeout);
    }

    /** True when the step's approval is pending and its deadline is not after {@code now}. */
    boolean isOverdue(StepRecord s, Instant now) {
        return s.approval().isPending() && !now.isBefore(deadline(s));
    }

    /** Pending approvals gated after this instant are still open at {@code now}. */
    Instant cutoff(Instant now) {
        return now.minus(timeout);
    }

    /**
     * The step as it stands at {@code tx}'s time: an overdue approval is expired, the step and its audit
     * record written in {@code tx}. The caller holds the lock of {@code w}, the step's workflow. Returns
     * {@code s} itself when nothing was due.
     */
    StepRecord settle(Tx tx, WorkflowRecord w, StepRecord s) {
        if (!isOverdue(s, tx.now())) {
            return s;
        }
        StepRecord expired = expire(s);
        tx.steps().update(expired);
        Map<String, @Nullable Object> facts = new LinkedHashMap<>();
        facts.put("approval_id", expired.approval().approvalId());
        facts.put("approval_status", ApprovalStatus.EXPIRED.wire());
        facts.put("approval_timeout", timeout.toString());
        facts.put("expired_at", String.valueOf(expired.approval().decidedAt()));
        tx.audit()
                .append(AuditEntries.step(
                        w, expired, Operation.STEP_EXPIRED, StepDecision.BLOCK, reason(expired), facts));
        return expired;
    }

    /** The step as a read without its workflow's lock shows it: an overdue approval as expired, unwritten. */
    StepRecord seen(StepRecord s, Instant now) {
        return isOverdue(s, now) ? expire(s) : s;
    }

    /** 409 {@code APPROVAL_EXPIRED}: an approve or reject of an approval that timed out. */
    ApiException refusal(StepRecord s) {
        Instant at = s.approval().decidedAt();
        return ApiException.conflict(
                ErrorCode.APPROVAL_EXPIRED,
                "step approval expired" + (at == null ? "" : " at " + at) + " (approval timed out)");
    }

    /** The contract's reason for an expired approval: {@code Expired (approval timed out): <gate reason>}. */
    static String reason(StepRecord s) {
        return "Expired (approval timed out): "
                + Objects.requireNonNullElse(s.gate().reason(), "");
    }

    /**
     * Writes every overdue approval of {@code tenantId} (of every tenant when {@code null}) as expired and
     * returns how many it wrote. Each is expired in its own transaction under its workflow's lock, the
     * order every writer takes locks in (workflow, then the audit chain), so that no two transactions wait
     * for each other; a replica that finds the step already settled by another writes nothing.
     */
    public int expireDue(@Nullable String tenantId) {
        int total = 0;
        while (true) {
            List<StepRecord> due = database.read(tx -> tx.steps().overdue(tenantId, cutoff(tx.now()), BATCH));
            int expired = 0;
            for (StepRecord candidate : due) {
                if (expireOne(candidate)) {
                    expired++;
                }
            }
            total += expired;
            // A short batch was the last; a full one that expired nothing holds only rows settled elsewhere.
            if (due.size() < BATCH || expired == 0) {
                return total;
            }
        }
    }

    private boolean expireOne(StepRecord candidate) {
        return database.inTransaction(tx -> {
            Optional<WorkflowRecord> w = tx.workflows().lockForUpdate(candidate.tenantId(), candidate.workflowId());
            Optional<StepRecord> s = w.flatMap(
                    locked -> tx.steps().find(candidate.tenantId(), candidate.workflowId(), candidate.stepId()));
            if (w.isEmpty() || s.isEmpty()) {
                return false;
            }
            return settle(tx, w.get(), s.get()) != s.get();
        });
    }

    private StepRecord expire(StepRecord s) {
        ApprovalStateMachine.fire(WireMapping.approvalStatus(s.approval().status()), ApprovalStateMachine.Event.EXPIRE);
        Approval a = s.approval();
        return s.withApproval(new Approval(a.approvalId(), ApprovalStatus.EXPIRED, null, deadline(s), null));
    }
}
