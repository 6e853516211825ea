package dev.arbiter.server.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalSweeperTest {
    @Test
    void period_isATenthOfTheTimeout_withinOneSecondAndOneMinute() {
        assertThat(ApprovalSweeper.period(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ApprovalSweeper.period(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(ApprovalSweeper.period(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(1));
        assertThat(ApprovalSweeper.period(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    }
}
