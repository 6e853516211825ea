package dev.arbiter.wire.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST .../{id}/test} (contract §2.5): a request to evaluate one policy against.
 *
 * @param query the request text (context key {@code query})
 * @param user user facts, visible as {@code user.<key>}
 * @param requestType context key {@code request_type}
 * @param context further flat context keys, e.g. {@code step_type}, {@code tool_input}
 */
public record TestPolicyRequest(
        @Nullable String query,
        @Nullable Map<String, @Nullable Object> user,
        @Nullable String requestType,
        @Nullable Map<String, @Nullable Object> context) {
    /** Copies the maps. */
    public TestPolicyRequest {
        user = user == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(user));
        context = context == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }
}
