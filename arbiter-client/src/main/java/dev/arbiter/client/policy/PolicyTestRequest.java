package dev.arbiter.client.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/tenant-policies/{id}/test} (contract §2.5): evaluate one policy against
 * a sample request without storing anything.
 *
 * @param query the request text, required
 * @param user user facts, e.g. {@code role}
 * @param requestType e.g. {@code workflow_step_gate}
 * @param context flat context keys, e.g. {@code step_type}, {@code model}
 */
public record PolicyTestRequest(
        String query,
        @Nullable Map<String, @Nullable Object> user,
        @Nullable String requestType,
        @Nullable Map<String, @Nullable Object> context) {
    /** Checks the query and copies the maps. */
    public PolicyTestRequest {
        if (query == null) {
            throw new IllegalArgumentException("query is required");
        }
        user = user == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(user));
        context = context == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** A test with a query and context keys only. */
    public static PolicyTestRequest of(String query, Map<String, ? extends @Nullable Object> context) {
        return new PolicyTestRequest(query, null, null, new LinkedHashMap<>(context));
    }
}
