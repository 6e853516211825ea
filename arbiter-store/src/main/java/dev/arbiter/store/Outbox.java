package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The outbox of one transaction: work enqueued with the state change that causes it, and claimed by any
 * replica with {@code FOR UPDATE SKIP LOCKED} so that two workers never take the same message. A claim is
 * a lease: a worker that dies leaves the message to be claimed again when the lease ends. Not
 * thread-safe; used by the thread that runs the transaction.
 */
public final class Outbox {
    private static final String COLUMNS =
            "id, tenant_id, topic, payload, attempts, available_at, created_at, last_error";

    private final Handle handle;
    private final Supplier<Instant> now;
    private final Dialect dialect;

    Outbox(Handle handle, Supplier<Instant> now, Dialect dialect) {
        this.handle = handle;
        this.now = now;
        this.dialect = dialect;
    }

    /** Enqueues a message that becomes claimable at {@code availableAt}; returns its id. */
    public long enqueue(String tenantId, String topic, String payloadJson, Instant availableAt) {
        Objects.requireNonNull(payloadJson, "payloadJson");
        return handle.createUpdate("INSERT INTO outbox (tenant_id, topic, payload, available_at, attempts, created_at)"
                        + " VALUES (:tenant, :topic, :payload, :available, 0, :created)")
                .bind("tenant", tenantId)
                .bind("topic", topic)
                .bind("payload", payloadJson)
                .bind("available", Sql.ts(availableAt))
                .bind("created", Sql.ts(now.get()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Claims up to {@code limit} due messages of a topic, oldest first, leasing them for {@code lease}: they
     * are not claimable again before the lease ends unless {@link #retryAt} is called. Messages locked by
     * another transaction's claim are skipped, not waited for.
     */
    public List<OutboxMessage> claim(String topic, int limit, Duration lease) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1");
        }
        Instant at = Sql.micros(now.get());
        Instant until = at.plus(lease);
        List<OutboxMessage> due = switch (dialect) {
            case POSTGRES ->
                handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE topic = :topic"
                                + " AND done_at IS NULL AND available_at <= :now ORDER BY available_at, id LIMIT :limit"
                                + " FOR UPDATE SKIP LOCKED")
                        .bind("topic", topic)
                        .bind("now", Sql.ts(at))
                        .bind("limit", limit)
                        .map((rs, ctx) -> map(rs))
                        .list();
            case H2 -> claimOneByOne(topic, limit, at);
        };
        for (OutboxMessage m : due) {
            handle.createUpdate("UPDATE outbox SET attempts = attempts + 1, available_at = :until WHERE id = :id")
                    .bind("until", Sql.ts(until))
                    .bind("id", m.id())
                    .execute();
        }
        return due.stream()
                .map(m -> new OutboxMessage(
                        m.id(),
                        m.tenantId(),
                        m.topic(),
                        m.payloadJson(),
                        m.attempts() + 1,
                        Sql.micros(until),
                        m.createdAt(),
                        m.lastError()))
                .toList();
    }

    /** Marks a message done; false if it does not exist or was done already. */
    public boolean complete(long id) {
        return handle.createUpdate("UPDATE outbox SET done_at = :at WHERE id = :id AND done_at IS NULL")
                        .bind("at", Sql.ts(now.get()))
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** Makes a message claimable again at {@code at}, recording why the attempt failed. */
    public boolean retryAt(long id, Instant at, @Nullable String error) {
        return handle.createUpdate("UPDATE outbox SET available_at = :at, last_error = :error WHERE id = :id"
                                + " AND done_at IS NULL")
                        .bind("at", Sql.ts(at))
                        .bind("error", error)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /**
     * Hands a claimed message back unworked: claimable again at {@code at}, and its claim not counted as an
     * attempt. False if it does not exist or is done.
     */
    public boolean release(long id, Instant at) {
        return handle.createUpdate("UPDATE outbox SET available_at = :at, attempts = attempts - 1 WHERE id = :id"
                                + " AND done_at IS NULL AND attempts > 0")
                        .bind("at", Sql.ts(at))
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /**
     * Gives up on a message: it is done, so never claimed again, and marked failed with {@code error} kept as
     * its last error. False if it does not exist or was done already.
     */
    public boolean fail(long id, String error) {
        Objects.requireNonNull(error, "error");
        return handle.createUpdate("UPDATE outbox SET done_at = :at, failed_at = :at, last_error = :error"
                                + " WHERE id = :id AND done_at IS NULL")
                        .bind("at", Sql.ts(now.get()))
                        .bind("error", error)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    /** Messages of a topic not yet done. */
    public long pendingCount(String topic) {
        return handle.createQuery("SELECT COUNT(*) FROM outbox WHERE topic = :topic AND done_at IS NULL")
                .bind("topic", topic)
                .mapTo(Long.class)
                .one();
    }

    /**
     * H2 locks every row its sort reads, not just the rows within LIMIT, so one claimer would lock the whole
     * queue. Instead: list candidates without locks, then lock them one at a time, skipping rows another
     * transaction holds or that stopped being due.
     */
    private List<OutboxMessage> claimOneByOne(String topic, int limit, Instant at) {
        List<Long> candidates = handle.createQuery("SELECT id FROM outbox WHERE topic = :topic AND done_at IS NULL"
                        + " AND available_at <= :now ORDER BY available_at, id LIMIT :window")
                .bind("topic", topic)
                .bind("now", Sql.ts(at))
                .bind("window", Math.min(limit * 4L, 10_000L))
                .mapTo(Long.class)
                .list();
        List<OutboxMessage> claimed = new java.util.ArrayList<>();
        for (Long id : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            handle.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id AND done_at IS NULL"
                            + " AND available_at <= :now FOR UPDATE SKIP LOCKED")
                    .bind("id", id)
                    .bind("now", Sql.ts(at))
                    .map((rs, ctx) -> map(rs))
                    .findOne()
                    .ifPresent(claimed::add);
        }
        return claimed;
    }

    private static OutboxMessage map(ResultSet rs) throws SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "topic"),
                Sql.string(rs, "payload"),
                rs.getInt("attempts"),
                Sql.instant(rs, "available_at"),
                Sql.instant(rs, "created_at"),
                rs.getString("last_error"));
    }
}
