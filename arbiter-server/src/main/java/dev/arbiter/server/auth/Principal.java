package dev.arbiter.server.auth;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An authenticated caller.
 *
 * @param tenant the tenant every read and write is scoped to
 * @param clientId the API client, or the JWT subject
 * @param method how the caller proved who it is
 * @param subject the JWT {@code sub}, or {@code null} for client credentials
 */
public record Principal(
        String tenant,
        String clientId,
        Method method,
        @Nullable String subject) {
    /** Tenant of every community-mode caller. */
    public static final String COMMUNITY_TENANT = "community";

    /** How a caller authenticated. */
    public enum Method {
        COMMUNITY,
        BASIC,
        CLIENT_HEADERS,
        JWT
    }

    /** Checks required fields. */
    public Principal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(method, "method");
    }
}
