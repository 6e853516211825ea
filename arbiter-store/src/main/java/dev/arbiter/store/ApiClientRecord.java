package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API client (enterprise credentials). The secret itself is never stored, only a salted hash.
 *
 * @param clientId public identifier, {@code cli_...}
 * @param tenantId the tenant its requests act for
 * @param name a label chosen at creation
 * @param createdAt creation time
 * @param revokedAt revocation time, or {@code null} while active
 */
public record ApiClientRecord(
        String clientId,
        String tenantId,
        String name,
        Instant createdAt,
        @Nullable Instant revokedAt) {
    public ApiClientRecord {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True unless revoked. */
    public boolean active() {
        return revokedAt == null;
    }
}
