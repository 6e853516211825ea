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
        PolicyFilters.checkPaging(page, pageSize, "pageSize");
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
    public static final class Builder extends PolicyFilters<Builder> {
        private @Nullable String severity;
        private @Nullable Integer pageSize;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Only this severity. */
        public Builder severity(@Nullable String severity) {
            this.severity = severity;
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
