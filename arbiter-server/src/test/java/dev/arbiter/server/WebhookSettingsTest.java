package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ARBITER_WEBHOOK_*} settings: defaults, accepted spellings, and one message per bad value. */
class WebhookSettingsTest {
    @Test
    void defaults_areTheDocumentedOnes() {
        ServerConfig.Webhooks webhooks = ConfigLoader.load(Map.of()).webhooks();
        assertThat(webhooks).isEqualTo(ServerConfig.Webhooks.DEFAULTS);
        assertThat(webhooks.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(webhooks.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(webhooks.retryBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(webhooks.maxAttempts()).isEqualTo(8);
    }

    @Test
    void durations_acceptSecondsMillisecondsAndMinutes() {
        ServerConfig.Webhooks webhooks = ConfigLoader.load(Map.of(
                        "ARBITER_WEBHOOK_POLL_INTERVAL", "250ms",
                        "ARBITER_WEBHOOK_TIMEOUT", "3",
                        "ARBITER_WEBHOOK_RETRY_BACKOFF", "2m",
                        "ARBITER_WEBHOOK_MAX_ATTEMPTS", "12"))
                .webhooks();
        assertThat(webhooks)
                .isEqualTo(new ServerConfig.Webhooks(
                        Duration.ofMillis(250), Duration.ofSeconds(3), Duration.ofMinutes(2), 12));
        assertThat(ConfigLoader.describe(ConfigLoader.load(Map.of("ARBITER_WEBHOOK_TIMEOUT", "1.5s"))))
                .contains("ARBITER_WEBHOOK_TIMEOUT=1500ms");
    }

    @Test
    void badValues_areEachReportedWithTheirKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "ARBITER_WEBHOOK_POLL_INTERVAL", "0",
                        "ARBITER_WEBHOOK_TIMEOUT", "forever",
                        "ARBITER_WEBHOOK_RETRY_BACKOFF", "2h",
                        "ARBITER_WEBHOOK_MAX_ATTEMPTS", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ARBITER_WEBHOOK_POLL_INTERVAL: must be a duration")
                .hasMessageContaining("ARBITER_WEBHOOK_TIMEOUT: must be a duration")
                .hasMessageContaining("ARBITER_WEBHOOK_RETRY_BACKOFF: must be a duration")
                .hasMessageContaining("ARBITER_WEBHOOK_MAX_ATTEMPTS: must be an integer within 1..50");
    }
}
