package dev.arbiter.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Filters for listing a tenant's workflows, newest first.
 *
 * @param tenantId whose workflows
 * @param status exact status, or {@code null} for any
 * @param source exact source, or {@code null} for any
 * @param traceId exact trace id, or {@code null} for any
 * @param limit page size, 1..{@value #MAX_LIMIT}
 * @param offset rows to skip, >= 0
 */
public record WorkflowQuery(
        String tenantId,
        @Nullable WorkflowStatus status,
        @Nullable String source,
        @Nullable String traceId,
        int limit,
        int offset) {

    /** The contract's repository cap on a page. */
    public static final int MAX_LIMIT = 100;

    public WorkflowQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
    }

    /** All workflows of a tenant, first page of 20 (the contract's default). */
    public static WorkflowQuery of(String tenantId) {
        return new WorkflowQuery(tenantId, null, null, null, 20, 0);
    }
}
