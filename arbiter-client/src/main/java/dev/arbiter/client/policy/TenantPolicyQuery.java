package dev.arbiter.client.policy;

import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for listing tenant policies (contract §2.1); unset values are not sent.
 *
 * @param category e.g. {@code dynamic-security}
 * @param type e.g. {@code content}
 * @param enabled only enabled or only disabled policies
 * @param search a substring of name or description
 * @param page the page, from 1
 * @param limit the page size, 1 to 100
 */
public record TenantPolicyQuery(
        @Nullable String category,
        @Nullable String type,
        @Nullable Boolean enabled,
        @Nullable String search,
        @Nullable Integer page,
        @Nullable Integer limit) {
    /** Checks the paging values. */
    public TenantPolicyQuery {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1: " + page);
        }
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new IllegalArgumentException("limit must be within 1..100: " + limit);
        }
    }

    /** No filters, server paging defaults. */
    public static TenantPolicyQuery all() {
        return new TenantPolicyQuery(null, null, null, null, null, null);
    }
}
