package dev.arbiter.bench.load;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a fixed intended rate, whatever the server does, and records each latency from the
 * request's intended send time (not its actual one), so that a stalled server shows up in every request
 * that should have been sent during the stall — the correction for coordinated omission that wrk2
 * makes. Like wrk2's {@code -c}, at most {@code connections} requests are in flight: a request whose
 * time has come waits for one to finish, and that wait counts in its latency. Without the bound the JDK
 * client opened a connection per outstanding request during any stall (thousands) and kept them all in
 * its pool, using them in turn, so the server kept thousands of live connections that no real client
 * pool would hold. Not thread-safe: one run at a time.
 */
final class OpenLoopRun {
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final HttpClient client;
    private final int connections;
    private final Clock clock;

    /** {@code clock} dates each run's timeline, to line it up with the server's logs. */
    OpenLoopRun(HttpClient client, int connections, Clock clock) {
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        this.client = client;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * Runs {@code requests} at {@code ratePerSecond} for {@code duration} and waits (bounded) for the
     * outstanding responses.
     */
    RunResult run(String name, LongFunction<HttpRequest> requests, int ratePerSecond, Duration duration)
            throws InterruptedException {
        Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        long total = duration.toNanos() / periodNanos;
        CountDownLatch done = new CountDownLatch((int) total);
        Semaphore inFlight = new Semaphore(connections);
        Timeline timeline = new Timeline(duration, clock.instant());
        HostCpu cpuBefore = HostCpu.now();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * periodNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = requests.apply(i);
            inFlight.acquire();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                long latency = System.nanoTime() - intended;
                recorder.recordValue(Math.min(latency, MAX_LATENCY_NANOS));
                timeline.record(intended - start, latency);
                if (failure != null || response.statusCode() >= 400) {
                    errors.incrementAndGet();
                }
                completed.incrementAndGet();
                done.countDown();
            });
        }
        boolean drained = done.await(30, TimeUnit.SECONDS);
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        long lost = drained ? 0 : total - completed.get();
        return new RunResult(
                name,
                ratePerSecond,
                completed.get() / elapsedSeconds,
                (completed.get() - errors.get()) / elapsedSeconds,
                total,
                errors.get() + lost,
                recorder.getIntervalHistogram(),
                timeline,
                HostCpu.now().stealPercentSince(cpuBefore));
    }
}
