package dev.arbiter.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryAttemptsTest {
    @Test
    void backoff_doublesAfterEachAttempt_upToAnHour() {
        Duration base = Duration.ofSeconds(10);
        assertThat(DeliveryAttempts.backoff(base, 1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(DeliveryAttempts.backoff(base, 2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(DeliveryAttempts.backoff(base, 7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(DeliveryAttempts.backoff(base, 10)).isEqualTo(Duration.ofHours(1));
        assertThat(DeliveryAttempts.backoff(base, Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void delivery_roundTripsThroughItsOutboxPayload() {
        Delivery d = new Delivery("wh_1", "dlv_2", "workflow.failed", "{\"id\":\"evt_3\"}");
        assertThat(Delivery.fromJson(d.toJson())).isEqualTo(d);
        assertThat(d.toJson()).contains("\"webhook_id\":\"wh_1\"");
    }
}
