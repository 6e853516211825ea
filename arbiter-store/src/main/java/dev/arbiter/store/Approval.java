package dev.arbiter.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The approval state of a step. Steps that never required approval carry {@link #NONE}.
 *
 * @param approvalId the approval's id (UUIDv5 of {@code "<workflow>:<step>"}), or {@code null}
 * @param status pending, approved, rejected or expired; {@code null} if approval was never required
 * @param actor who approved or rejected, or {@code null}
 * @param decidedAt when it was approved or rejected, or {@code null}
 * @param comment the approval comment or rejection reason, or {@code null}
 */
public record Approval(
        @Nullable String approvalId,
        @Nullable ApprovalStatus status,
        @Nullable String actor,
        @Nullable Instant decidedAt,
        @Nullable String comment) {

    /** No approval involved. */
    public static final Approval NONE = new Approval(null, null, null, null, null);

    /** Awaiting a decision. */
    public static Approval pending(String approvalId) {
        return new Approval(approvalId, ApprovalStatus.PENDING, null, null, null);
    }

    /** This approval decided ({@code approved}, {@code rejected} or {@code expired}) by {@code actor}. */
    public Approval decide(ApprovalStatus outcome, String actor, Instant at, @Nullable String comment) {
        if (outcome == ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("a decision cannot be pending");
        }
        return new Approval(approvalId, outcome, actor, at, comment);
    }

    /** True while awaiting a decision. */
    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }
}
