package dev.arbiter.client;

/** The circuit breaker's state; see {@link ArbiterConfig.Builder#circuitBreaker(int, java.time.Duration)}. */
public enum CircuitState {
    /** Calls go through; consecutive failures are counted. */
    CLOSED,
    /** Too many consecutive failures: calls are skipped until the recovery time has passed. */
    OPEN,
    /** Recovery time passed: one trial call goes through; its outcome closes or reopens the breaker. */
    HALF_OPEN
}
