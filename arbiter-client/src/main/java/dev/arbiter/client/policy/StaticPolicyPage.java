package dev.arbiter.client.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of static policies.
 *
 * @param policies this page
 * @param pagination paging facts, if the server sent them
 */
public record StaticPolicyPage(
        List<StaticPolicy> policies, @Nullable Pagination pagination) {
    /** Copies the page. */
    public StaticPolicyPage {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
