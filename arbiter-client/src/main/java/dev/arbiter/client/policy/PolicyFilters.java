package dev.arbiter.client.policy;

import org.jspecify.annotations.Nullable;

/**
 * The filters and the page number both policy listings take ({@link TenantPolicyQuery.Builder},
 * {@link StaticPolicyQuery.Builder}), so that each builder adds only what differs: its page-size parameter
 * and its one other filter. Not thread-safe.
 *
 * @param <B> the builder itself, returned by every setter
 */
abstract class PolicyFilters<B extends PolicyFilters<B>> {
    @Nullable
    String category;

    @Nullable
    String tier;

    @Nullable
    String mode;

    @Nullable
    Boolean enabled;

    @Nullable
    String search;

    @Nullable
    Integer page;

    PolicyFilters() {}

    /** Refuses a page below 1 and a page size outside 1..100, naming the size as the query record does. */
    static void checkPaging(@Nullable Integer page, @Nullable Integer size, String sizeName) {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("page must be at least 1: " + page);
        }
        if (size != null && (size < 1 || size > 100)) {
            throw new IllegalArgumentException(sizeName + " must be within 1..100: " + size);
        }
    }

    abstract B self();

    /** Only this category. */
    public B category(@Nullable String category) {
        this.category = category;
        return self();
    }

    /** Only this tier. */
    public B tier(@Nullable String tier) {
        this.tier = tier;
        return self();
    }

    /** Only {@code enforce} or only {@code shadow} policies. */
    public B mode(@Nullable String mode) {
        this.mode = mode;
        return self();
    }

    /** Only enabled or only disabled policies. */
    public B enabled(@Nullable Boolean enabled) {
        this.enabled = enabled;
        return self();
    }

    /** Name or description contains this. */
    public B search(@Nullable String search) {
        this.search = search;
        return self();
    }

    /** The page, from 1. */
    public B page(int page) {
        this.page = page;
        return self();
    }
}
