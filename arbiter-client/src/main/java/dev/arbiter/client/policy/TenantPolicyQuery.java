package dev.arbiter.client.policy;

import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for listing tenant policies (contract §2.1); unset values are not sent, and the server
 * then applies its defaults (page 1, 20 per page).
 *
 * @param category e.g. {@code dynamic-security}
 * @param type e.g. {@code content}
 * @param tier {@code tenant}, {@code organization} or {@code system}
 * @param mode {@code enforce} or {@code shadow} (Arbiter's filter)
 * @param enabled only enabled or only disabled policies
 * @param search a substring of name or description, case-insensitive
 * @param page the page, from 1
 * @param limit the page size, 1 to 100
 */
public record TenantPolicyQuery(
        @Nullable String category,
        @Nullable String type,
        @Nullable String tier,
        @Nullable String mode,
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
        return builder().build();
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects filters. Not thread-safe. */
    public static final class Builder {
        private @Nullable String category;
        private @Nullable String type;
        private @Nullable String tier;
        private @Nullable String mode;
        private @Nullable Boolean enabled;
        private @Nullable String search;
        private @Nullable Integer page;
        private @Nullable Integer limit;

        private Builder() {}

        /** Only this category. */
        public Builder category(@Nullable String category) {
            this.category = category;
            return this;
        }

        /** Only this type. */
        public Builder type(@Nullable String type) {
            this.type = type;
            return this;
        }

        /** Only this tier. */
        public Builder tier(@Nullable String tier) {
            this.tier = tier;
            return this;
        }

        /** Only {@code enforce} or only {@code shadow} policies. */
        public Builder mode(@Nullable String mode) {
            this.mode = mode;
            return this;
        }

        /** Only enabled or only disabled policies. */
        public Builder enabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** Name or description contains this, case-insensitive. */
        public Builder search(@Nullable String search) {
            this.search = search;
            return this;
        }

        /** The page, from 1. */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /** The page size, 1 to 100. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** The query, checked. */
        public TenantPolicyQuery build() {
            return new TenantPolicyQuery(category, type, tier, mode, enabled, search, page, limit);
        }
    }
}
