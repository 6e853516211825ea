package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Defaults, validation with clear messages, and secrets kept out of toString. */
class ArbiterConfigTest {

    @Test
    void defaults_matchTheDocumentedFailureSemantics() {
        ArbiterConfig config = ArbiterConfig.builder().build();

        assertThat(config.endpoint()).hasToString("http://localhost:8080");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxRetries()).isEqualTo(2);
        assertThat(config.breakerFailureThreshold()).isEqualTo(5);
        assertThat(config.breakerRecovery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.failureMode()).isEqualTo(FailureMode.FAIL_CLOSED);
    }

    @Test
    void endpoint_trailingSlashesDropped() {
        assertThat(ArbiterConfig.builder()
                        .endpoint("https://arbiter.example.com/base//")
                        .build()
                        .endpoint())
                .hasToString("https://arbiter.example.com/base");
    }

    @Test
    void endpoint_notHttp_isRejected() {
        assertThatThrownBy(() -> ArbiterConfig.builder().endpoint("localhost:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http(s) URL");
        assertThatThrownBy(() -> ArbiterConfig.builder().endpoint("ftp://host"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArbiterConfig.builder().endpoint("http://host/?q=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query");
        assertThatThrownBy(() -> ArbiterConfig.builder().endpoint("http://bad host"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretWithoutId_orSecretAndBearer_areRejected() {
        assertThatThrownBy(() -> ArbiterConfig.builder().clientSecret("s").build())
                .hasMessage("clientSecret needs a clientId");
        assertThatThrownBy(() -> ArbiterConfig.builder()
                        .clientId("id")
                        .clientSecret("s")
                        .bearerToken("t")
                        .build())
                .hasMessage("set either clientSecret or bearerToken, not both");
    }

    @Test
    void nonPositiveDurations_andBadCounts_areRejected() {
        assertThatThrownBy(() -> ArbiterConfig.builder().timeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> ArbiterConfig.builder().maxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> ArbiterConfig.builder().circuitBreaker(0, Duration.ofSeconds(1)))
                .hasMessageContaining("failureThreshold");
        assertThatThrownBy(() -> ArbiterConfig.builder().retryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("max backoff");
    }

    @Test
    void toString_masksSecrets() {
        String text = ArbiterConfig.builder()
                .clientId("my-app")
                .clientSecret("super-secret")
                .build()
                .toString();

        assertThat(text).contains("my-app").contains("<masked>").doesNotContain("super-secret");
    }
}
