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
        PolicyFilters.checkPaging(page, limit, "limit");
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
    public static final class Builder extends PolicyFilters<Builder> {
        private @Nullable String type;
        private @Nullable Integer limit;

        private Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /** Only this type. */
        public Builder type(@Nullable String type) {
            this.type = type;
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
