package dev.arbiter.wire.policy;

/**
 * Paging facts of a policy listing (contract §2.1).
 *
 * @param page 1-based page number
 * @param pageSize the page size applied
 * @param totalItems how many policies match the filter
 * @param totalPages {@code ceil(totalItems / pageSize)}
 */
public record Pagination(int page, int pageSize, long totalItems, int totalPages) {
    /** The paging facts of {@code totalItems} items cut into pages of {@code pageSize}. */
    public static Pagination of(int page, int pageSize, long totalItems) {
        int pages = (int) ((totalItems + pageSize - 1) / pageSize);
        return new Pagination(page, pageSize, totalItems, pages);
    }
}
