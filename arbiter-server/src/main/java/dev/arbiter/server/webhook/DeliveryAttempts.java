package dev.arbiter.server.webhook;

import dev.arbiter.server.ServerConfig;
import dev.arbiter.store.Database;
import dev.arbiter.store.OutboxMessage;
import dev.arbiter.store.Webhook;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at a claimed delivery and its outcome in the outbox: done after a 2xx, dropped if the
 * subscription was deleted or deactivated, otherwise retried after an exponential backoff, or kept as failed
 * (and logged once) when it was the last attempt allowed. Thread-safe.
 */
final class DeliveryAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final Database database;
    private final WebhookSender sender;
    private final ServerConfig.Webhooks settings;

    DeliveryAttempts(Database database, WebhookSender sender, ServerConfig.Webhooks settings) {
        this.database = database;
        this.sender = sender;
        this.settings = settings;
    }

    /** Attempts the delivery once and records what came of it. */
    void run(ClaimedDelivery c) {
        OutboxMessage m = c.message();
        Delivery d = c.delivery();
        if (d == null) {
            database.inTransaction(tx -> tx.outbox().fail(m.id(), "unreadable delivery payload"));
            LOG.warn("webhook outbox_id={} has an unreadable payload; given up", m.id());
            return;
        }
        Webhook target = c.target();
        if (target == null || !target.active()) {
            // Deleted or deactivated since the event: its pending deliveries are dropped.
            database.inTransaction(tx -> tx.outbox().complete(m.id()));
            return;
        }
        Optional<String> failure = sender.send(target, d);
        if (failure.isEmpty()) {
            database.inTransaction(tx -> tx.outbox().complete(m.id()));
            return;
        }
        String error = failure.get();
        if (m.attempts() >= settings.maxAttempts()) {
            database.inTransaction(tx -> tx.outbox().fail(m.id(), error));
            LOG.warn(
                    "webhook={} delivery={} event={} given up after {} attempts: {}",
                    target.id(),
                    d.deliveryId(),
                    d.event(),
                    m.attempts(),
                    error);
            return;
        }
        Duration wait = backoff(settings.retryBackoff(), m.attempts());
        database.inTransaction(tx -> tx.outbox().retryAt(m.id(), tx.now().plus(wait), error));
        LOG.debug(
                "webhook={} delivery={} attempt {} failed ({}); retry in {}",
                target.id(),
                d.deliveryId(),
                m.attempts(),
                error,
                wait);
    }

    /** The wait after failed attempt {@code attempts}: {@code base}, doubled after each attempt, at most an hour. */
    static Duration backoff(Duration base, int attempts) {
        Duration wait = base;
        for (int i = 1; i < attempts && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) < 0 ? wait : MAX_BACKOFF;
    }
}
