package dev.arbiter.server.auth;

import dev.arbiter.server.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns request headers into a {@link Principal} (contract §8, DESIGN "Auth and tenancy").
 *
 * <ul>
 *   <li>Community: no credentials; the tenant is {@code community}; the client id is the Basic user
 *       or {@code X-Client-ID} if sent, for the audit trail only.
 *   <li>Enterprise: {@code Authorization: Basic base64(id:secret)}, or {@code X-Client-ID} with
 *       {@code X-Client-Secret}, checked against the stored hash of an active client; or
 *       {@code Authorization: Bearer <JWT>} when a JWT key is configured. The tenant comes from the
 *       client record or the token, never from {@code X-Tenant-ID}.
 * </ul>
 *
 * <p>Thread-safe if the {@link ClientDirectory} is.
 */
public final class Authenticator {
    static final String REQUIRED = "Authentication required: provide Authorization header with Basic auth "
            + "(clientId:clientSecret), X-Client-ID/X-Client-Secret headers, or a Bearer token";
    static final String FAILED = "Authentication failed: invalid client credentials";

    private final Mode mode;
    private final ClientDirectory clients;
    private final @Nullable JwtVerifier jwt;

    /** An authenticator for the given mode; {@code jwt} is null when Bearer tokens are not accepted. */
    public Authenticator(Mode mode, ClientDirectory clients, @Nullable JwtVerifier jwt) {
        this.mode = mode;
        this.clients = clients;
        this.jwt = jwt;
    }

    /**
     * The caller behind these headers.
     *
     * @param header looks a request header up by name, returning null when absent
     * @throws AuthenticationException when credentials are required and missing or wrong
     */
    public Principal authenticate(Function<String, @Nullable String> header) {
        String authorization = trimmed(header.apply("Authorization"));
        String headerId = trimmed(header.apply("X-Client-ID"));
        return switch (mode) {
            case COMMUNITY -> community(authorization, headerId);
            case ENTERPRISE -> enterprise(authorization, headerId, trimmed(header.apply("X-Client-Secret")));
        };
    }

    private Principal community(@Nullable String authorization, @Nullable String headerId) {
        String clientId = headerId;
        if (authorization != null && scheme(authorization).equals("basic")) {
            String[] credentials = decodeBasic(authorization);
            if (credentials != null && !credentials[0].isBlank()) {
                clientId = credentials[0];
            }
        }
        return new Principal(
                Principal.COMMUNITY_TENANT,
                clientId == null ? Principal.COMMUNITY_TENANT : clientId,
                Principal.Method.COMMUNITY,
                null);
    }

    private Principal enterprise(
            @Nullable String authorization, @Nullable String headerId, @Nullable String headerSecret) {
        if (authorization != null) {
            String scheme = scheme(authorization);
            if (scheme.equals("basic")) {
                String[] credentials = decodeBasic(authorization);
                if (credentials == null) {
                    throw new AuthenticationException("Authentication failed: malformed Basic credentials");
                }
                return client(credentials[0], credentials[1], Principal.Method.BASIC);
            }
            if (scheme.equals("bearer")) {
                if (jwt == null) {
                    throw new AuthenticationException("Authentication failed: bearer tokens are not enabled");
                }
                return jwt.verify(authorization.substring("bearer".length()).trim());
            }
            throw new AuthenticationException("Authentication failed: unsupported authorization scheme");
        }
        if (headerId != null && headerSecret != null) {
            return client(headerId, headerSecret, Principal.Method.CLIENT_HEADERS);
        }
        throw new AuthenticationException(REQUIRED);
    }

    private Principal client(String clientId, String secret, Principal.Method method) {
        String tenant = clients.authenticate(clientId, secret).orElseThrow(() -> new AuthenticationException(FAILED));
        return new Principal(tenant, clientId, method, null);
    }

    private static String scheme(String authorization) {
        int space = authorization.indexOf(' ');
        return (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private static String @Nullable [] decodeBasic(String authorization) {
        String encoded = authorization.substring("basic".length()).trim();
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String trimmed(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
