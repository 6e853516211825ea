package dev.arbiter.wire.policy;

import java.util.List;
import java.util.Objects;

/**
 * {@code {"policies": [...], "pagination": {...}}}: a page of dynamic policies (contract §2.1).
 *
 * @param policies this page
 * @param pagination paging facts
 */
public record PolicyListResponse(List<PolicyResource> policies, Pagination pagination) {
    /** Copies the list. */
    public PolicyListResponse {
        policies = List.copyOf(policies);
        Objects.requireNonNull(pagination, "pagination");
    }
}
