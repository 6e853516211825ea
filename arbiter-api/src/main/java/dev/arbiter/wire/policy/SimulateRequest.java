package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/policies/simulate}: a candidate change to the tenant's dynamic policies and the
 * recorded gates to replay it on. Nothing is changed and no step is re-run.
 *
 * @param policies new or changed policy documents (canonical or shorthand); a document whose {@code id} or
 *     {@code name} is a live policy of the tenant replaces it, any other is added
 * @param remove ids or names of the tenant's policies to leave out
 * @param from start of the window (inclusive); the last hour when neither bound nor workflows are given
 * @param to end of the window (exclusive); now when absent
 * @param workflowIds replay only the gates of these workflows
 * @param baseline {@code current} (default): compare with the current policies re-evaluated on the same
 *     inputs; {@code recorded}: compare with the decisions that were actually made
 * @param limit most gate records replayed (default 10,000, at most 100,000)
 * @param samples most sample gates listed per group (default 5, at most 50)
 */
public record SimulateRequest(
        @Nullable List<Map<String, @Nullable Object>> policies,
        @Nullable List<String> remove,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable List<String> workflowIds,
        @Nullable String baseline,
        @Nullable Integer limit,
        @Nullable Integer samples) {
    /** Copies the lists. */
    public SimulateRequest {
        policies = policies == null
                ? null
                : policies.stream()
                        .map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p)))
                        .toList();
        remove = remove == null ? null : List.copyOf(remove);
        workflowIds = workflowIds == null ? null : List.copyOf(workflowIds);
    }
}
