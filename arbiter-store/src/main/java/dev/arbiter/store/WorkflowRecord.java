package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A workflow run as stored.
 *
 * @param tenantId owning tenant; every lookup is scoped by it
 * @param id {@code wf_...}, chosen by the caller
 * @param name {@code workflow_name}
 * @param source {@code langgraph}, {@code langchain}, {@code crewai} or {@code external} (validated by the API)
 * @param status lifecycle state
 * @param currentStepIndex highest step index handed out so far (0 before the first gate)
 * @param totalSteps set at the terminal transition, else {@code null}
 * @param traceId caller's correlation id, or {@code null}
 * @param metadataJson a JSON object, {@code {}} when none (abort/failure reasons are kept here too)
 * @param clientId the API client that created it, or {@code null} (community mode)
 * @param reason the reason given at abort or fail, or {@code null}
 * @param createdAt creation time (the contract's {@code started_at} and {@code created_at})
 * @param updatedAt last change
 * @param completedAt time of the terminal transition, or {@code null}
 */
public record WorkflowRecord(
        String tenantId,
        String id,
        String name,
        String source,
        WorkflowStatus status,
        int currentStepIndex,
        @Nullable Integer totalSteps,
        @Nullable String traceId,
        String metadataJson,
        @Nullable String clientId,
        @Nullable String reason,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant completedAt) {

    public WorkflowRecord {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (currentStepIndex < 0) {
            throw new IllegalArgumentException("currentStepIndex must be >= 0");
        }
    }

    /** A new, in-progress workflow with no steps yet. */
    public static WorkflowRecord start(
            String tenantId,
            String id,
            String name,
            String source,
            @Nullable String traceId,
            String metadataJson,
            @Nullable String clientId,
            Instant now) {
        return new WorkflowRecord(
                tenantId,
                id,
                name,
                source,
                WorkflowStatus.IN_PROGRESS,
                0,
                null,
                traceId,
                metadataJson,
                clientId,
                null,
                now,
                now,
                null);
    }

    /** This workflow after a fresh gate took {@code index}: the index is raised if larger. */
    public WorkflowRecord withStepIndex(int index, Instant now) {
        return new WorkflowRecord(
                tenantId,
                id,
                name,
                source,
                status,
                Math.max(currentStepIndex, index),
                totalSteps,
                traceId,
                metadataJson,
                clientId,
                reason,
                createdAt,
                now,
                completedAt);
    }

    /**
     * This workflow after a terminal transition: {@code total_steps} is finalised to the number of gated
     * steps unless already set, and {@code completed_at} is {@code now}.
     */
    public WorkflowRecord finish(WorkflowStatus terminal, @Nullable String reason, String metadataJson, Instant now) {
        if (!terminal.isTerminal()) {
            throw new IllegalArgumentException("not a terminal status: " + terminal);
        }
        return new WorkflowRecord(
                tenantId,
                id,
                name,
                source,
                terminal,
                currentStepIndex,
                totalSteps != null ? totalSteps : currentStepIndex,
                traceId,
                metadataJson,
                clientId,
                reason,
                createdAt,
                now,
                now);
    }
}
