package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An audit search within one tenant (contract §5.2), newest first.
 *
 * @param tenantId the tenant searched; never from the request body
 * @param from inclusive lower bound on the timestamp, or {@code null}
 * @param to inclusive upper bound on the timestamp, or {@code null}
 * @param requestType exact request type, or {@code null}
 * @param requestId exact request id, or {@code null}
 * @param clientId case-insensitive substring of the client id, or {@code null}
 * @param userEmail case-insensitive substring of the user email, or {@code null}
 * @param limit page size, 1..{@value #MAX_LIMIT} (contract default 100)
 * @param offset rows to skip, >= 0
 */
public record AuditQuery(
        String tenantId,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String requestType,
        @Nullable String requestId,
        @Nullable String clientId,
        @Nullable String userEmail,
        int limit,
        int offset) {

    /** The contract's default page size. */
    public static final int DEFAULT_LIMIT = 100;

    /** The largest page served. */
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, got " + offset);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("start_time must not be after end_time");
        }
    }

    /** Every record of a tenant, first page of {@value #DEFAULT_LIMIT}. */
    public static AuditQuery of(String tenantId) {
        return new AuditQuery(tenantId, null, null, null, null, null, null, DEFAULT_LIMIT, 0);
    }

    /** This query restricted to one request id (e.g. a workflow). */
    public AuditQuery withRequestId(@Nullable String id) {
        return new AuditQuery(tenantId, from, to, requestType, id, clientId, userEmail, limit, offset);
    }
}
