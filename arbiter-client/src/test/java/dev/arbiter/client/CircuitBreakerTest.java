package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The breaker's state machine on a hand-moved clock. */
class CircuitBreakerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-07T10:00:00Z"));
    private final Counters counters = new Counters();
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(30), clock, counters);

    @Test
    void closed_fourFailures_staysClosed() {
        fail(4);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void closed_successResetsTheConsecutiveCount() {
        fail(4);
        breaker.onSuccess();
        fail(4);

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void fifthConsecutiveFailure_opens_andRefusesUntilRecovery() {
        fail(5);

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofMillis(29_999));
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(counters.circuitOpened.sum()).isEqualTo(1);
    }

    @Test
    void afterRecovery_exactlyOneTrialPasses() {
        fail(5);
        clock.advance(Duration.ofSeconds(30));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void trialSuccess_closes() {
        fail(5);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();

        breaker.onSuccess();

        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void trialFailure_reopensForAFullRecoveryPeriod() {
        fail(5);
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquire();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(counters.circuitOpened.sum()).isEqualTo(2);
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.onFailure();
        }
    }
}
