package dev.arbiter.client.policy;

import dev.arbiter.wire.policy.SimulateRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the body of {@code POST /api/v1/policies/simulate}: a candidate change to the tenant's dynamic
 * policies and the recorded gates to replay it on (see {@code docs/policy-management.md} §6).
 *
 * <pre>{@code
 * SimulationReport report = client.tenantPolicies().simulate(Simulation.builder()
 *         .add(TenantPolicyRequest.builder("block-http-post").when("tool_name", "equals", "http_post")
 *                 .action("block", "no outbound posts").build())
 *         .remove("block-shell")
 *         .window(from, to)
 *         .build());
 * }</pre>
 *
 * <p>Nothing is changed by a simulation and no step is re-run.
 */
public final class Simulation {
    private Simulation() {}

    /** A builder of an empty candidate over the server's default window (the last hour). */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects a simulation. Not thread-safe. */
    public static final class Builder {
        private final List<Map<String, @Nullable Object>> policies = new ArrayList<>();
        private final List<String> remove = new ArrayList<>();
        private final List<String> workflowIds = new ArrayList<>();
        private @Nullable Instant from;
        private @Nullable Instant to;
        private @Nullable String baseline;
        private @Nullable Integer limit;
        private @Nullable Integer samples;

        private Builder() {}

        /** Adds or replaces a policy: one whose name (or id) is a live policy replaces it, any other is added. */
        public Builder add(TenantPolicyRequest policy) {
            policies.add(policy.toDocument());
            return this;
        }

        /** Adds or replaces a policy given as a JSON document, canonical or shorthand. */
        public Builder add(Map<String, ? extends @Nullable Object> document) {
            policies.add(new LinkedHashMap<>(document));
            return this;
        }

        /** Leaves a live policy out, by id or name. */
        public Builder remove(String idOrName) {
            if (idOrName == null || idOrName.isBlank()) {
                throw new IllegalArgumentException("the policy to remove must be named");
            }
            remove.add(idOrName);
            return this;
        }

        /** Replays the gates recorded from {@code from} (inclusive) to {@code to} (exclusive; now when null). */
        public Builder window(@Nullable Instant from, @Nullable Instant to) {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to: " + from + " .. " + to);
            }
            this.from = from;
            this.to = to;
            return this;
        }

        /** Replays only the gates of this workflow (may be called for several). */
        public Builder workflow(String workflowId) {
            if (workflowId == null || workflowId.isBlank()) {
                throw new IllegalArgumentException("workflowId must not be blank");
            }
            workflowIds.add(workflowId);
            return this;
        }

        /**
         * {@code current} (the default) compares with the current policies re-evaluated on the same inputs;
         * {@code recorded} with the decisions that were actually made.
         */
        public Builder baseline(@Nullable String baseline) {
            this.baseline = baseline;
            return this;
        }

        /** Most gate records replayed: 1 to 100,000 (server default 10,000). */
        public Builder limit(int limit) {
            if (limit < 1 || limit > 100_000) {
                throw new IllegalArgumentException("limit must be within 1..100000: " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Most sample gates listed per group: 0 to 50 (server default 5). */
        public Builder samples(int samples) {
            if (samples < 0 || samples > 50) {
                throw new IllegalArgumentException("samples must be within 0..50: " + samples);
            }
            this.samples = samples;
            return this;
        }

        /** The request body. */
        public SimulateRequest build() {
            return new SimulateRequest(
                    policies.isEmpty() ? null : policies,
                    remove.isEmpty() ? null : remove,
                    from,
                    to,
                    workflowIds.isEmpty() ? null : workflowIds,
                    baseline,
                    limit,
                    samples);
        }
    }
}
