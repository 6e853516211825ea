package dev.arbiter.server.workflow;

import dev.arbiter.store.PendingStep;
import dev.arbiter.store.StepDecision;
import dev.arbiter.store.StepRecord;
import dev.arbiter.store.WorkflowRecord;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.CreateWorkflowResponse;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.PendingApproval;
import dev.arbiter.wire.workflow.StepInfo;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import dev.arbiter.wire.workflow.WorkflowStatusResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one place store records become wire records and back (STYLE Rule 3). Stateless. */
final class WireMapping {
    private WireMapping() {}

    static CreateWorkflowResponse created(WorkflowRecord w) {
        return new CreateWorkflowResponse(
                w.id(), w.name(), source(w.source()), status(w.status()), w.createdAt(), emptyToNull(w.traceId()));
    }

    static WorkflowStatusResponse status(WorkflowRecord w, List<StepRecord> steps) {
        return new WorkflowStatusResponse(
                w.id(),
                w.name(),
                source(w.source()),
                status(w.status()),
                w.currentStepIndex(),
                w.totalSteps(),
                w.createdAt(),
                w.completedAt(),
                emptyToNull(w.traceId()),
                steps.isEmpty() ? null : steps.stream().map(WireMapping::step).toList());
    }

    static StepInfo step(StepRecord s) {
        return new StepInfo(
                s.stepId(),
                s.stepIndex(),
                s.stepName(),
                stepType(s.stepType()),
                decision(s.gate().decision()),
                approvalStatus(s.approval().status()),
                s.approval().actor(),
                s.approval().decidedAt(),
                s.gate().gatedAt());
    }

    static PendingApproval pending(PendingStep pending) {
        StepRecord s = pending.step();
        List<dev.arbiter.wire.workflow.PolicyMatch> matched =
                JsonText.matches(s.gate().policiesMatchedJson());
        return new PendingApproval(
                s.workflowId(),
                pending.workflowName(),
                null,
                s.stepId(),
                s.stepIndex(),
                s.stepName(),
                stepType(s.stepType()),
                decision(s.gate().decision()),
                s.gate().reason(),
                matched.isEmpty() ? null : matched,
                JsonText.mapOrNull(s.request().stepInputJson()),
                approvalStatus(s.approval().status()),
                s.gate().gatedAt());
    }

    static GateDecision decision(StepDecision d) {
        return switch (d) {
            case ALLOW -> GateDecision.ALLOW;
            case BLOCK -> GateDecision.BLOCK;
            case REQUIRE_APPROVAL -> GateDecision.REQUIRE_APPROVAL;
        };
    }

    static StepDecision decision(GateDecision d) {
        return switch (d) {
            case ALLOW -> StepDecision.ALLOW;
            case BLOCK -> StepDecision.BLOCK;
            case REQUIRE_APPROVAL -> StepDecision.REQUIRE_APPROVAL;
        };
    }

    static @Nullable ApprovalStatus approvalStatus(dev.arbiter.store.@Nullable ApprovalStatus s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case PENDING -> ApprovalStatus.PENDING;
            case APPROVED -> ApprovalStatus.APPROVED;
            case REJECTED -> ApprovalStatus.REJECTED;
            case EXPIRED -> ApprovalStatus.EXPIRED;
        };
    }

    static dev.arbiter.store.ApprovalStatus approvalStatus(ApprovalStatus s) {
        return switch (s) {
            case PENDING -> dev.arbiter.store.ApprovalStatus.PENDING;
            case APPROVED -> dev.arbiter.store.ApprovalStatus.APPROVED;
            case REJECTED -> dev.arbiter.store.ApprovalStatus.REJECTED;
            case EXPIRED -> dev.arbiter.store.ApprovalStatus.EXPIRED;
        };
    }

    static WorkflowStatus status(dev.arbiter.store.WorkflowStatus s) {
        return switch (s) {
            case IN_PROGRESS -> WorkflowStatus.IN_PROGRESS;
            case COMPLETED -> WorkflowStatus.COMPLETED;
            case ABORTED -> WorkflowStatus.ABORTED;
            case FAILED -> WorkflowStatus.FAILED;
        };
    }

    static dev.arbiter.store.WorkflowStatus status(WorkflowStatus s) {
        return switch (s) {
            case IN_PROGRESS -> dev.arbiter.store.WorkflowStatus.IN_PROGRESS;
            case COMPLETED -> dev.arbiter.store.WorkflowStatus.COMPLETED;
            case ABORTED -> dev.arbiter.store.WorkflowStatus.ABORTED;
            case FAILED -> dev.arbiter.store.WorkflowStatus.FAILED;
        };
    }

    /** Stored sources were validated on the way in; an unknown one is shown as {@code external}. */
    static WorkflowSource source(String stored) {
        return WorkflowSource.fromWireName(stored).orElse(WorkflowSource.EXTERNAL);
    }

    static @Nullable StepType stepType(String stored) {
        return StepType.fromWireName(stored).orElse(null);
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
