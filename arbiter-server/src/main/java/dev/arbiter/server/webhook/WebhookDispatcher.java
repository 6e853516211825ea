package dev.arbiter.server.webhook;

import dev.arbiter.server.ServerConfig;
import dev.arbiter.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery worker, one per server: a poller claims due deliveries from the outbox (a lease, so no other
 * replica takes them meanwhile) and hands each to its own virtual thread, at most {@value #MAX_IN_FLIGHT} at
 * once and at most {@value #MAX_PER_WEBHOOK} per subscription, so a slow subscriber holds up only its own
 * deliveries: one over its share is handed back to the outbox for a later poll. {@link DeliveryAttempts}
 * makes each attempt and records its outcome (done, retried with backoff, or kept as failed). Delivery is at
 * least once: a crash between a subscriber's 2xx and the record of it repeats the delivery when the lease
 * ends, with the same {@code X-Arbiter-Delivery}.
 *
 * <p>{@link #close()} stops claiming, then drains: deliveries due now are attempted until none is left or
 * the drain timeout passes, and those in flight are waited for. Not thread-safe for start and close; the
 * running worker is.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_IN_FLIGHT = 64;
    private static final int MAX_PER_WEBHOOK = 4;
    private static final int BATCH = 16;

    private final Database database;
    private final ServerConfig.Webhooks settings;
    private final Duration drainTimeout;
    private final Duration lease;
    private final WebhookSender sender;
    private final DeliveryAttempts attempts;
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private final Map<String, AtomicInteger> perWebhook = new ConcurrentHashMap<>();
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopping = lock.newCondition();
    private volatile boolean running;
    private @Nullable Thread poller;

    /** A worker over {@code database}'s outbox; {@link #start()} begins polling. */
    public WebhookDispatcher(Database database, ServerConfig.Webhooks settings, Duration drainTimeout) {
        this.database = database;
        this.settings = settings;
        this.drainTimeout = drainTimeout;
        // Longer than any attempt can take, so a delivery in flight is never claimed a second time.
        this.lease = settings.timeout().multipliedBy(2).plusSeconds(30);
        this.sender = new WebhookSender(settings.timeout());
        this.attempts = new DeliveryAttempts(database, sender, settings);
    }

    /** Starts polling on a virtual thread. */
    public WebhookDispatcher start() {
        running = true;
        poller = Thread.ofVirtual().name("webhook-dispatcher").start(this::poll);
        return this;
    }

    private void poll() {
        while (running) {
            int claimed;
            try {
                claimed = dispatchDue();
            } catch (RuntimeException e) {
                LOG.warn("webhook outbox poll failed: {}", e.toString());
                claimed = 0;
            }
            if (claimed < BATCH) {
                pause(settings.pollInterval());
            }
        }
    }

    /** Claims due deliveries for the free delivery slots and starts each; returns how many were claimed. */
    int dispatchDue() {
        int wanted = Math.min(BATCH, slots.availablePermits());
        if (wanted == 0 || !slots.tryAcquire(wanted)) {
            return 0;
        }
        List<ClaimedDelivery> claimed;
        try {
            claimed = database.inTransaction(tx -> tx.outbox().claim(Delivery.TOPIC, wanted, lease).stream()
                    .map(m -> ClaimedDelivery.of(m, tx))
                    .toList());
        } catch (RuntimeException e) {
            slots.release(wanted);
            throw e;
        }
        List<ClaimedDelivery> started = new ArrayList<>();
        List<Long> deferred = new ArrayList<>();
        for (ClaimedDelivery c : claimed) {
            if (c.target() == null || reserve(c.target().id())) {
                started.add(c);
            } else {
                deferred.add(c.message().id());
            }
        }
        slots.release(wanted - started.size());
        for (ClaimedDelivery c : started) {
            deliveries.execute(() -> {
                try {
                    attempts.run(c);
                } catch (RuntimeException e) {
                    // The lease brings the message back; nothing else can be done for it now.
                    LOG.warn(
                            "webhook outbox_id={} could not be recorded: {}",
                            c.message().id(),
                            e.toString());
                } finally {
                    if (c.target() != null) {
                        perWebhook.get(c.target().id()).decrementAndGet();
                    }
                    slots.release();
                }
            });
        }
        if (!deferred.isEmpty()) {
            // Handed back for a later poll; if this fails, the lease brings them back instead.
            database.inTransaction(tx -> {
                Instant later = tx.now().plus(settings.pollInterval());
                deferred.forEach(id -> tx.outbox().release(id, later));
                return null;
            });
        }
        return claimed.size();
    }

    /** Takes one of a subscription's delivery slots; false if all are busy. Called by one thread at a time. */
    private boolean reserve(String webhookId) {
        AtomicInteger inFlight = perWebhook.computeIfAbsent(webhookId, id -> new AtomicInteger());
        if (inFlight.incrementAndGet() <= MAX_PER_WEBHOOK) {
            return true;
        }
        inFlight.decrementAndGet();
        return false;
    }

    private void pause(Duration duration) {
        lock.lock();
        try {
            if (running) {
                stopping.await(duration.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops polling, drains due deliveries for at most the drain timeout, and releases the HTTP client. */
    @Override
    public void close() {
        lock.lock();
        try {
            running = false;
            stopping.signalAll();
        } finally {
            lock.unlock();
        }
        // Elapsed time, not wall time: a drain bound must not move with the clock.
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        try {
            if (poller != null) {
                poller.join(drainTimeout);
            }
            drain(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deliveries.shutdownNow();
            sender.close();
        }
    }

    private void drain(long deadline) throws InterruptedException {
        while (deadline - System.nanoTime() > 0) {
            int claimed;
            try {
                claimed = dispatchDue();
            } catch (RuntimeException e) {
                LOG.warn("webhook drain stopped: {}", e.toString());
                break;
            }
            if (!awaitIdle(deadline) || claimed == 0) {
                break;
            }
        }
        deliveries.shutdown();
        if (!deliveries.awaitTermination(nanosLeft(deadline), TimeUnit.NANOSECONDS)) {
            LOG.warn("webhook deliveries still running at shutdown; they are retried after the next start");
        }
    }

    /** Waits until no delivery is in flight; false if the deadline passed first. */
    private boolean awaitIdle(long deadline) throws InterruptedException {
        if (!slots.tryAcquire(MAX_IN_FLIGHT, nanosLeft(deadline), TimeUnit.NANOSECONDS)) {
            return false;
        }
        slots.release(MAX_IN_FLIGHT);
        return true;
    }

    private static long nanosLeft(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
