package dev.arbiter.wire.policy;

import java.util.List;
import java.util.Objects;

/**
 * A page of static policies: the system tier and the tenant's own (contract §2.4).
 *
 * @param policies this page
 * @param pagination paging facts
 */
public record StaticPolicyListResponse(List<StaticPolicyResource> policies, Pagination pagination) {
    /** Copies the list. */
    public StaticPolicyListResponse {
        policies = List.copyOf(policies);
        Objects.requireNonNull(pagination, "pagination");
    }
}
