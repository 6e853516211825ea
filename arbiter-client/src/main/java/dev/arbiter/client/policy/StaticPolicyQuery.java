package dev.arbiter.client.policy;

import org.jspecify.annotations.Nullable;

/**
 * Filters and paging for listing static policies (contract §2.4); unset values are not sent, and the server
 * then applies its defaults (page 1, 20 per page).
 *
 * @param category e.g. {@code pii-us}
 * @param tier {@code system}, {@code organization} or {@code tenant}
 * @param severity e.g. {@code critical}
 * @param mode {@code enforce} or {@code shadow} (Arbiter's filter)
 * @param enabled only enabled or only disabled policies
 * @param search a substring of name or description
 * @param page the page, from 1
 * @param pageSize the page size, 1 to 100
 */
public record StaticPolicyQuery(
        @Nullable String category,
        @Nullable String tier,
        @Nullable String severity,
        @Nullable String mode,
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
        return builder().build();
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects filters. Not thread-safe. */
    public static final class Builder {
        private @Nullable String category;
        private @Nullable String tier;
        private @Nullable String severity;
        private @Nullable String mode;
        private @Nullable Boolean enabled;
        private @Nullable String search;
        private @Nullable Integer page;
        private @Nullable Integer pageSize;

        private Builder() {}

        /** Only this category. */
        public Builder category(@Nullable String category) {
            this.category = category;
            return this;
        }

        /** Only this tier. */
        public Builder tier(@Nullable String tier) {
            this.tier = tier;
            return this;
        }

        /** Only this severity. */
        public Builder severity(@Nullable String severity) {
            this.severity = severity;
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

        /** Name or description contains this. */
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
        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /** The query, checked. */
        public StaticPolicyQuery build() {
            return new StaticPolicyQuery(category, tier, severity, mode, enabled, search, page, pageSize);
        }
    }
}
