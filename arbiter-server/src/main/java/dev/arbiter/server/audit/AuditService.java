package dev.arbiter.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.store.AuditQuery;
import dev.arbiter.store.AuditRecord;
import dev.arbiter.store.ChainVerification;
import dev.arbiter.store.Database;
import dev.arbiter.store.Page;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.audit.AuditEntry;
import dev.arbiter.wire.audit.AuditSearchRequest;
import dev.arbiter.wire.audit.AuditSearchResponse;
import dev.arbiter.wire.audit.AuditVerifyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Audit search and chain verification, always within the caller's tenant. Thread-safe.
 */
public final class AuditService {
    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, @Nullable Object>>> LIST = new TypeReference<>() {};

    private final Database database;

    /** A service over {@code database}. */
    public AuditService(Database database) {
        this.database = database;
    }

    /** Contract §5.2 search; the tenant comes from the caller, never from the request. */
    public AuditSearchResponse search(Principal caller, AuditSearchRequest request) {
        int limit = request.limit() == null ? AuditQuery.DEFAULT_LIMIT : request.limit();
        int offset = request.offset() == null ? 0 : request.offset();
        if (limit < 1 || limit > AuditQuery.MAX_LIMIT) {
            throw ApiException.badRequest("limit must be within 1.." + AuditQuery.MAX_LIMIT);
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset must be >= 0");
        }
        if (request.startTime() != null
                && request.endTime() != null
                && request.startTime().isAfter(request.endTime())) {
            throw ApiException.badRequest("start_time must not be after end_time");
        }
        AuditQuery query = new AuditQuery(
                caller.tenant(),
                request.startTime(),
                request.endTime(),
                request.requestType(),
                request.requestId(),
                request.clientId(),
                request.userEmail(),
                limit,
                offset);
        Page<AuditRecord> page = database.read(tx -> tx.audit().search(query));
        List<AuditEntry> entries =
                page.items().stream().map(AuditService::entry).toList();
        return new AuditSearchResponse(entries, Math.toIntExact(page.total()), page.limit(), page.offset());
    }

    /** Verifies the tenant's chain and reports the first broken link. */
    public AuditVerifyResponse verify(String tenant) {
        ChainVerification result = database.read(tx -> tx.audit().verify(tenant));
        return report(result);
    }

    /** The wire form of a verification result. */
    public static AuditVerifyResponse report(ChainVerification result) {
        return switch (result) {
            case ChainVerification.Intact intact ->
                new AuditVerifyResponse(intact.tenantId(), true, intact.records(), null, null, null);
            case ChainVerification.Broken broken ->
                new AuditVerifyResponse(
                        broken.tenantId(),
                        false,
                        broken.verifiedBefore(),
                        broken.recordId().isEmpty() ? null : broken.recordId(),
                        broken.seq(),
                        broken.reason());
        };
    }

    static AuditEntry entry(AuditRecord record) {
        var e = record.entry();
        boolean blocked = "blocked".equals(e.policyDecision());
        boolean success = !blocked && !"error".equals(e.policyDecision());
        return new AuditEntry(
                record.id(),
                e.requestId(),
                record.timestamp(),
                e.userEmail(),
                e.clientId(),
                e.tenantId(),
                null,
                e.requestType(),
                e.query(),
                success,
                blocked,
                null,
                e.provider(),
                e.model(),
                e.tokensUsed(),
                e.latencyMs(),
                violations(e.policiesMatchedJson()),
                read(e.detailsJson(), MAP, Map.of()),
                e.policyDecision());
    }

    private static List<String> violations(String matchedJson) {
        List<String> names = new ArrayList<>();
        for (Map<String, @Nullable Object> match : read(matchedJson, LIST, List.<Map<String, @Nullable Object>>of())) {
            Object name = match.get("policy_name");
            if (name != null) {
                names.add(name.toString());
            }
        }
        return names;
    }

    private static <T> T read(String json, TypeReference<T> type, T fallback) {
        try {
            T value = JSON.readValue(json, type);
            return value == null ? fallback : value;
        } catch (JsonProcessingException e) {
            // A record's JSON is hashed with it; unreadable JSON is reported by verify, not by search.
            return fallback;
        }
    }
}
