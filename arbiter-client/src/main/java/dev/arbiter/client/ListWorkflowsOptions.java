package dev.arbiter.client;

import dev.arbiter.wire.workflow.WorkflowSource;
import dev.arbiter.wire.workflow.WorkflowStatus;
import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for {@link ArbiterClient#listWorkflows(ListWorkflowsOptions)} (contract §1.4).
 * Unset values are not sent; the server then applies its defaults (limit 20, at most 100).
 *
 * @param status only workflows in this state
 * @param source only workflows from this orchestrator
 * @param traceId only workflows with this external trace id
 * @param limit page size, 1 to 100
 * @param offset rows to skip, not negative
 */
public record ListWorkflowsOptions(
        @Nullable WorkflowStatus status,
        @Nullable WorkflowSource source,
        @Nullable String traceId,
        @Nullable Integer limit,
        @Nullable Integer offset) {

    /** Checks the paging values. */
    public ListWorkflowsOptions {
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new IllegalArgumentException("limit must be within 1..100: " + limit);
        }
        if (offset != null && offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** No filters, server paging defaults. */
    public static ListWorkflowsOptions all() {
        return new ListWorkflowsOptions(null, null, null, null, null);
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects options. Not thread-safe. */
    public static final class Builder {
        private @Nullable WorkflowStatus status;
        private @Nullable WorkflowSource source;
        private @Nullable String traceId;
        private @Nullable Integer limit;
        private @Nullable Integer offset;

        private Builder() {}

        /** Only workflows in this state. */
        public Builder status(@Nullable WorkflowStatus status) {
            this.status = status;
            return this;
        }

        /** Only workflows from this orchestrator. */
        public Builder source(@Nullable WorkflowSource source) {
            this.source = source;
            return this;
        }

        /** Only workflows with this external trace id. */
        public Builder traceId(@Nullable String traceId) {
            this.traceId = traceId;
            return this;
        }

        /** Page size, 1 to 100. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** Rows to skip. */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** The options, checked. */
        public ListWorkflowsOptions build() {
            return new ListWorkflowsOptions(status, source, traceId, limit, offset);
        }
    }
}
