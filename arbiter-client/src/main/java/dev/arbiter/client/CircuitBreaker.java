package dev.arbiter.client;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A consecutive-failure circuit breaker with a half-open trial, on an injected clock.
 *
 * <p>Closed: calls pass; {@code threshold} consecutive failures open it. Open: calls are refused until
 * {@code recovery} has passed since it opened, then exactly one trial call passes (half-open). The
 * trial's success closes the breaker; its failure reopens it for another {@code recovery}.
 *
 * <p>Hand-written rather than Resilience4j because the SDK must stay dependency-light (java.net.http
 * and Jackson only); the behaviour needed is this small state machine. Thread-safe.
 */
final class CircuitBreaker {
    private static final System.Logger LOG = System.getLogger(CircuitBreaker.class.getName());

    private final int threshold;
    private final Duration recovery;
    private final Clock clock;
    private final Counters counters;

    private CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt = Instant.EPOCH;
    private boolean trialInFlight;

    CircuitBreaker(int threshold, Duration recovery, Clock clock, Counters counters) {
        this.threshold = threshold;
        this.recovery = recovery;
        this.clock = clock;
        this.counters = counters;
    }

    /** True if a call may go out now; false means skip it. A true in half-open state is the one trial. */
    synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.instant().isBefore(openedAt.plus(recovery))) {
                    return false;
                }
                state = CircuitState.HALF_OPEN;
                trialInFlight = true;
                LOG.log(Level.INFO, "Arbiter circuit breaker half-open: sending one trial call");
                return true;
            case HALF_OPEN:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
        throw new IllegalStateException("unknown state " + state);
    }

    /** Arbiter answered (any status below 500). */
    synchronized void onSuccess() {
        if (state != CircuitState.CLOSED) {
            LOG.log(Level.INFO, "Arbiter circuit breaker closed: Arbiter answers again");
        }
        state = CircuitState.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    /** Arbiter did not answer, or answered 5xx. */
    synchronized void onFailure() {
        consecutiveFailures++;
        if (state == CircuitState.HALF_OPEN) {
            open("the trial call failed");
        } else if (state == CircuitState.CLOSED && consecutiveFailures >= threshold) {
            open(consecutiveFailures + " consecutive failures");
        }
    }

    synchronized CircuitState state() {
        return state;
    }

    private void open(String why) {
        state = CircuitState.OPEN;
        openedAt = clock.instant();
        trialInFlight = false;
        counters.circuitOpened.increment();
        LOG.log(
                Level.WARNING,
                "Arbiter circuit breaker OPEN after {0}: calls are skipped for {1} ms",
                why,
                String.valueOf(recovery.toMillis()));
    }
}
