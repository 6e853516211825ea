package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Webhook subscriptions of one transaction. Every method is scoped by tenant: another tenant's
 * subscription is simply not found. Not thread-safe; used by the thread that runs the transaction.
 */
public final class Webhooks {
    private static final String COLUMNS = "tenant_id, id, url, events, secret, active, created_at, updated_at";

    private final Handle handle;
    private final Supplier<Instant> now;
    private final Ids ids;

    Webhooks(Handle handle, Supplier<Instant> now, Ids ids) {
        this.handle = handle;
        this.now = now;
        this.ids = ids;
    }

    /** Stores a new subscription with a fresh id, created and updated now. */
    public Webhook create(String tenantId, String url, List<String> events, @Nullable String secret, boolean active) {
        Instant at = Sql.micros(now.get());
        Webhook w = new Webhook(tenantId, "wh_" + ids.token(24), url, events, secret, active, at, at);
        handle.createUpdate("INSERT INTO webhooks (" + COLUMNS + ") VALUES (:tenant, :id, :url, :events, :secret,"
                        + " :active, :created, :updated)")
                .bind("tenant", w.tenantId())
                .bind("id", w.id())
                .bind("url", w.url())
                .bind("events", String.join(",", w.events()))
                .bind("secret", w.secret())
                .bind("active", w.active())
                .bind("created", Sql.ts(w.createdAt()))
                .bind("updated", Sql.ts(w.updatedAt()))
                .execute();
        return w;
    }

    /** The subscription, if it exists in this tenant. */
    public Optional<Webhook> find(String tenantId, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** One page of a tenant's subscriptions, oldest first, with the tenant's total. */
    public Page<Webhook> list(String tenantId, int limit, int offset) {
        long total = handle.createQuery("SELECT COUNT(*) FROM webhooks WHERE tenant_id = :tenant")
                .bind("tenant", tenantId)
                .mapTo(Long.class)
                .one();
        List<Webhook> rows = handle.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = :tenant"
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .bind("tenant", tenantId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> map(rs))
                .list();
        return new Page<>(rows, total, limit, offset);
    }

    /** A tenant's active subscriptions, oldest first: the candidates for an event's fan-out. */
    public List<Webhook> active(String tenantId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE tenant_id = :tenant AND active = TRUE"
                        + " ORDER BY created_at, id")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** Writes url, events, secret, active and updated_at; false if it does not exist in this tenant. */
    public boolean update(Webhook w) {
        Objects.requireNonNull(w, "w");
        return handle.createUpdate("UPDATE webhooks SET url = :url, events = :events, secret = :secret,"
                                + " active = :active, updated_at = :updated WHERE tenant_id = :tenant AND id = :id")
                        .bind("url", w.url())
                        .bind("events", String.join(",", w.events()))
                        .bind("secret", w.secret())
                        .bind("active", w.active())
                        .bind("updated", Sql.ts(w.updatedAt()))
                        .bind("tenant", w.tenantId())
                        .bind("id", w.id())
                        .execute()
                == 1;
    }

    /** Deletes the subscription; false if it does not exist in this tenant. */
    public boolean delete(String tenantId, String id) {
        return handle.createUpdate("DELETE FROM webhooks WHERE tenant_id = :tenant AND id = :id")
                        .bind("tenant", tenantId)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static Webhook map(ResultSet rs) throws SQLException {
        return new Webhook(
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "id"),
                Sql.string(rs, "url"),
                Arrays.asList(Sql.string(rs, "events").split(",")),
                rs.getString("secret"),
                rs.getBoolean("active"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"));
    }
}
