package dev.arbiter.wire.audit;

import java.util.List;

/**
 * Response of the audit search endpoints (contract §5.2, newer shape), newest first.
 *
 * @param entries this page
 * @param total how many records match
 * @param limit the page size used
 * @param offset the offset used
 */
public record AuditSearchResponse(List<AuditEntry> entries, int total, int limit, int offset) {
    /** Copies the page. */
    public AuditSearchResponse {
        entries = List.copyOf(entries);
    }
}
