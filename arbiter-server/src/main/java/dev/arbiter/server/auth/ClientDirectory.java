package dev.arbiter.server.auth;

import java.util.Optional;

/** Checks API client credentials; backed by the store. Implementations are thread-safe. */
@FunctionalInterface
public interface ClientDirectory {
    /**
     * The tenant of the active client whose id and secret match; empty when the client is unknown,
     * revoked or the secret is wrong (alike, so a caller cannot tell which).
     */
    Optional<String> authenticate(String clientId, String secret);
}
