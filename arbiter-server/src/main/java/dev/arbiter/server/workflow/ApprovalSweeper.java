package dev.arbiter.server.workflow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes overdue approvals as expired in the background ({@link ApprovalExpiry#expireDue}), so that they
 * leave the pending table and reach the audit trail even when no request touches their workflow. Answers
 * do not depend on it: every request settles the approvals it reads. Safe with several replicas on one
 * database, since each expiry happens under its workflow's lock and a settled approval is not written
 * again.
 *
 * <p>One daemon thread runs a sweep every {@link #period}. Not thread-safe for start and close.
 */
public final class ApprovalSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalSweeper.class);
    private static final Duration MIN_PERIOD = Duration.ofSeconds(1);
    private static final Duration MAX_PERIOD = Duration.ofMinutes(1);

    private final ApprovalExpiry expiry;
    private final ScheduledExecutorService executor;

    /** A sweeper for {@code expiry}; {@link #start()} schedules it. */
    public ApprovalSweeper(ApprovalExpiry expiry) {
        this.expiry = expiry;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "arbiter-approval-sweeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A tenth of the timeout, within one second and one minute: prompt, and cheap when nothing is due. */
    static Duration period(Duration timeout) {
        Duration tenth = timeout.dividedBy(10);
        if (tenth.compareTo(MIN_PERIOD) < 0) {
            return MIN_PERIOD;
        }
        return tenth.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : tenth;
    }

    /** Schedules a sweep every period, the first one a period from now. */
    public ApprovalSweeper start() {
        long millis = period(expiry.timeout()).toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Expires every overdue approval now, in every tenant; returns how many. */
    public int sweep() {
        return expiry.expireDue(null);
    }

    private void sweepQuietly() {
        // An exception escaping a scheduled task would cancel every later run.
        try {
            int expired = sweep();
            if (expired > 0) {
                LOG.info("expired {} overdue approvals (timeout {})", expired, expiry.timeout());
            }
        } catch (RuntimeException e) {
            LOG.warn("approval sweep failed; retrying in {}: {}", period(expiry.timeout()), e.toString());
        }
    }

    /**
     * Stops sweeping and waits up to five seconds for a sweep in progress to finish before interrupting it
     * (each expiry is its own transaction, so an interrupted sweep leaves nothing half written).
     */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("approval sweep still running after 5 s; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
