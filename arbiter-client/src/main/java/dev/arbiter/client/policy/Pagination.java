package dev.arbiter.client.policy;

/**
 * Paging facts of a policy list.
 *
 * @param page this page, from 1
 * @param pageSize the page size used
 * @param totalItems how many policies match
 * @param totalPages how many pages there are
 */
public record Pagination(int page, int pageSize, int totalItems, int totalPages) {}
