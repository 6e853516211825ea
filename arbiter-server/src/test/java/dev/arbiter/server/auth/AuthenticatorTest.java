package dev.arbiter.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.server.Mode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    /** An in-memory directory with one active client; every other id or secret is rejected. */
    private final ClientDirectory directory =
            (id, secret) -> id.equals("cl_acme") && secret.equals("sk_right") ? Optional.of("acme") : Optional.empty();

    @Test
    void community_noCredentials_isCommunityTenant() {
        Principal principal = new Authenticator(Mode.COMMUNITY, directory, null).authenticate(headers());
        assertThat(principal.tenant()).isEqualTo("community");
        assertThat(principal.clientId()).isEqualTo("community");
    }

    @Test
    void community_tenantHeader_isIgnored() {
        Principal principal = new Authenticator(Mode.COMMUNITY, directory, null)
                .authenticate(headers("X-Tenant-ID", "acme", "Authorization", basic("my-app", "whatever")));
        assertThat(principal.tenant()).isEqualTo("community");
        assertThat(principal.clientId()).isEqualTo("my-app");
    }

    @Test
    void enterprise_basic_resolvesTenantFromClient() {
        Principal principal = enterprise().authenticate(headers("Authorization", basic("cl_acme", "sk_right")));
        assertThat(principal.tenant()).isEqualTo("acme");
        assertThat(principal.method()).isEqualTo(Principal.Method.BASIC);
    }

    @Test
    void enterprise_clientHeaders_resolveTenantFromClient() {
        Principal principal = enterprise()
                .authenticate(headers("X-Client-ID", "cl_acme", "X-Client-Secret", "sk_right", "X-Tenant-ID", "evil"));
        assertThat(principal.tenant()).isEqualTo("acme");
        assertThat(principal.method()).isEqualTo(Principal.Method.CLIENT_HEADERS);
    }

    @Test
    void enterprise_noCredentials_isRejected() {
        assertThatThrownBy(() -> enterprise().authenticate(headers("X-Tenant-ID", "acme")))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("Authentication required");
    }

    @Test
    void enterprise_wrongSecret_isRejected() {
        assertThatThrownBy(() -> enterprise().authenticate(headers("Authorization", basic("cl_acme", "sk_wrong"))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessage(Authenticator.FAILED);
    }

    @Test
    void enterprise_unknownClient_isRejected() {
        assertThatThrownBy(() -> enterprise().authenticate(headers("Authorization", basic("cl_nobody", "sk_right"))))
                .hasMessage(Authenticator.FAILED);
    }

    @Test
    void enterprise_malformedBasic_isRejected() {
        assertThatThrownBy(() -> enterprise().authenticate(headers("Authorization", "Basic !!!")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void enterprise_bearerWithoutJwtSettings_isRejected() {
        assertThatThrownBy(() -> enterprise().authenticate(headers("Authorization", "Bearer abc.def.ghi")))
                .hasMessageContaining("bearer tokens are not enabled");
    }

    private Authenticator enterprise() {
        return new Authenticator(Mode.ENTERPRISE, directory, null);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.function.Function<String, String> headers(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i].toLowerCase(java.util.Locale.ROOT), pairs[i + 1]);
        }
        return name -> map.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
