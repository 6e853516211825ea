package dev.arbiter.store;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing.
 *
 * @param items the rows of this page, in the listing's order
 * @param total how many rows match the filter in all
 * @param limit the page size that was applied (after defaults and caps)
 * @param offset how many matching rows were skipped
 */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }

    /** True when rows follow this page: {@code offset + items.size() < total}. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
