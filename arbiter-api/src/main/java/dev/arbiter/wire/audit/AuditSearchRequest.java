package dev.arbiter.wire.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/audit/search} (contract §5.2). Every filter is optional; the tenant
 * always comes from the caller's credentials.
 *
 * @param userEmail case-insensitive substring of the acting user's e-mail
 * @param clientId case-insensitive substring of the client id
 * @param startTime inclusive lower bound on the timestamp
 * @param endTime inclusive upper bound on the timestamp
 * @param requestType exact request type, e.g. {@code workflow_step_gate}
 * @param requestId exact request id, e.g. a workflow id
 * @param limit page size; 100 when absent
 * @param offset rows to skip; 0 when absent
 */
public record AuditSearchRequest(
        @Nullable String userEmail,
        @Nullable String clientId,
        @Nullable Instant startTime,
        @Nullable Instant endTime,
        @Nullable String requestType,
        @Nullable String requestId,
        @Nullable Integer limit,
        @Nullable Integer offset) {
    /** A search with no filters. */
    public static AuditSearchRequest all() {
        return new AuditSearchRequest(null, null, null, null, null, null, null, null);
    }
}
