package dev.arbiter.wire.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST .../import} (contract §2.1): at most 100 policy documents, canonical or shorthand, and
 * what to do with names the tenant already uses ({@code skip} when absent).
 *
 * @param policies the policy documents
 * @param overwriteMode {@code skip}, {@code overwrite} or {@code error}
 */
public record ImportPoliciesRequest(
        List<Map<String, @Nullable Object>> policies,
        @Nullable OverwriteMode overwriteMode) {
    /** Copies the documents. */
    public ImportPoliciesRequest {
        policies = policies.stream()
                .map(p -> Collections.unmodifiableMap(new LinkedHashMap<>(p)))
                .toList();
    }
}
