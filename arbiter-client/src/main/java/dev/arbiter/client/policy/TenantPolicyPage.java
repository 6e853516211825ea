package dev.arbiter.client.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of tenant policies: {@code {"policies": [...], "pagination": {...}}} (contract §2.1).
 *
 * @param policies this page
 * @param pagination paging facts, if the server sent them
 */
public record TenantPolicyPage(
        List<TenantPolicy> policies, @Nullable Pagination pagination) {
    /** Copies the page. */
    public TenantPolicyPage {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
