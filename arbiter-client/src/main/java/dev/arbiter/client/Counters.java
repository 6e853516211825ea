package dev.arbiter.client;

import java.util.concurrent.atomic.LongAdder;

/** The client's counters behind {@link ClientStats}. Thread-safe. */
final class Counters {
    final LongAdder requests = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder shortCircuited = new LongAdder();
    final LongAdder circuitOpened = new LongAdder();
    final LongAdder failOpenAllowed = new LongAdder();
    final LongAdder failClosed = new LongAdder();

    ClientStats snapshot(CircuitState state) {
        return new ClientStats(
                requests.sum(),
                failures.sum(),
                retries.sum(),
                shortCircuited.sum(),
                circuitOpened.sum(),
                failOpenAllowed.sum(),
                failClosed.sum(),
                state);
    }
}
