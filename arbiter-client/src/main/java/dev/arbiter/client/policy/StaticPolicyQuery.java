package dev.arbiter.client.policy;

import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for listing static policies (contract §2.4); unset values are not sent.
 *
 * @param category e.g. {@code pii-us}
 * @param tier {@code system}, {@code organization} or {@code tenant}
 * @param severity e.g. {@code critical}
 * @param enabled only enabled or only disabled policies
 * @param search a substring of name or description
 * @param page the page, from 1
 * @param pageSize the page size, 1 to 100
 */
public record StaticPolicyQuery(
        @Nullable String category,
        @Nullable String tier,
        @Nullable String severity,
        @Nullable Boolean enabled,
        @Nullable String search,
        @Nullable Integer page,
        @Nullable Integer pageSize) {
    /** Checks the paging values. */
    public StaticPolicyQuery {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1: " + page);
        }
        if (pageSize != null && (pageSize < 1 || pageSize > 100)) {
            throw new IllegalArgumentException("pageSize must be within 1..100: " + pageSize);
        }
    }

    /** No filters, server paging defaults. */
    public static StaticPolicyQuery all() {
        return new StaticPolicyQuery(null, null, null, null, null, null, null);
    }
}
