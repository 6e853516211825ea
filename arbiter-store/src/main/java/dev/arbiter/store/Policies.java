package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Dynamic policies of one transaction. Every change writes a {@code policy_versions} snapshot and raises
 * the tenant's policy-set version, which replicas compare to know when to recompile. Not thread-safe;
 * used by the thread that runs the transaction.
 */
public final class Policies {
    /** The tenant id of policies that apply to every tenant. */
    public static final String GLOBAL_TENANT = "global";

    private static final String COLUMNS = "id, tenant_id, name, definition, enabled, priority, mode, version,"
            + " created_by, created_at, updated_at, deleted_at";

    private final Handle handle;
    private final Supplier<Instant> now;

    Policies(Handle handle, Supplier<Instant> now) {
        this.handle = handle;
        this.now = now;
    }

    /** Inserts a new policy (version 1) with a random UUID. */
    public StoredPolicy insert(
            String tenantId,
            String name,
            String definitionJson,
            boolean enabled,
            int priority,
            String mode,
            @Nullable String actor) {
        Instant at = Sql.micros(now.get());
        StoredPolicy p = new StoredPolicy(
                UUID.randomUUID(), tenantId, name, definitionJson, enabled, priority, mode, 1, actor, at, at, null);
        handle.createUpdate("INSERT INTO dynamic_policies (" + COLUMNS + ") VALUES (:id, :tenant, :name, :definition,"
                        + " :enabled, :priority, :mode, :version, :createdBy, :created, :updated, :deleted)")
                .bind("id", p.id())
                .bind("tenant", p.tenantId())
                .bind("name", p.name())
                .bind("definition", p.definitionJson())
                .bind("enabled", p.enabled())
                .bind("priority", p.priority())
                .bind("mode", p.mode())
                .bind("version", p.version())
                .bind("createdBy", p.createdBy())
                .bind("created", Sql.ts(p.createdAt()))
                .bind("updated", Sql.ts(p.updatedAt()))
                .bind("deleted", Sql.ts(null))
                .execute();
        recordVersion(p, "created", actor);
        return p;
    }

    /**
     * Makes the tenant's live policy called {@code name} look like this: inserts it if absent, writes a new
     * version if any field differs, and leaves it alone if identical. Loading a policy file at every start
     * therefore changes nothing when the file did not change.
     */
    public StoredPolicy putByName(
            String tenantId,
            String name,
            String definitionJson,
            boolean enabled,
            int priority,
            String mode,
            @Nullable String actor) {
        Optional<StoredPolicy> existing = handle.createQuery("SELECT " + COLUMNS + " FROM dynamic_policies"
                        + " WHERE tenant_id = :tenant AND name = :name AND deleted_at IS NULL FOR UPDATE")
                .bind("tenant", tenantId)
                .bind("name", name)
                .map((rs, ctx) -> map(rs))
                .findFirst();
        if (existing.isEmpty()) {
            return insert(tenantId, name, definitionJson, enabled, priority, mode, actor);
        }
        StoredPolicy old = existing.get();
        if (old.definitionJson().equals(definitionJson)
                && old.enabled() == enabled
                && old.priority() == priority
                && old.mode().equals(mode)) {
            return old;
        }
        Instant at = Sql.micros(now.get());
        StoredPolicy p = new StoredPolicy(
                old.id(),
                tenantId,
                name,
                definitionJson,
                enabled,
                priority,
                mode,
                old.version() + 1,
                old.createdBy(),
                old.createdAt(),
                at,
                null);
        handle.createUpdate("UPDATE dynamic_policies SET definition = :definition, enabled = :enabled,"
                        + " priority = :priority, mode = :mode, version = :version, updated_at = :updated"
                        + " WHERE id = :id AND tenant_id = :tenant")
                .bind("definition", definitionJson)
                .bind("enabled", enabled)
                .bind("priority", priority)
                .bind("mode", mode)
                .bind("version", p.version())
                .bind("updated", Sql.ts(at))
                .bind("id", p.id())
                .bind("tenant", tenantId)
                .execute();
        recordVersion(p, "updated", actor);
        return p;
    }

    /** The tenant's live policy with this id. */
    public Optional<StoredPolicy> find(String tenantId, UUID id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM dynamic_policies WHERE tenant_id = :tenant AND id = :id"
                        + " AND deleted_at IS NULL")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /**
     * The tenant's enabled, live policies, highest priority first. Global policies are listed under
     * {@link #GLOBAL_TENANT}; callers combine the two lists.
     */
    public List<StoredPolicy> listEnabled(String tenantId) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM dynamic_policies WHERE tenant_id = :tenant"
                        + " AND enabled = TRUE AND deleted_at IS NULL ORDER BY priority DESC, created_at, id")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** A tenant's policy-set version and the global one, as a gate compares them with its compiled set. */
    public record SetVersions(long tenant, long global) {}

    /** The policy-set versions of {@code tenantId} and of {@link #GLOBAL_TENANT}, read in one statement. */
    public SetVersions setVersions(String tenantId) {
        // Read at every gate: bound by position (Positional).
        Map<String, Long> versions = new HashMap<>(2);
        try (Positional query = Positional.prepare(
                handle, "SELECT tenant_id, version FROM policy_set_versions WHERE tenant_id IN (?, ?)")) {
            query.string(tenantId)
                    .string(GLOBAL_TENANT)
                    .list(rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(row -> versions.put(row.getKey(), row.getValue()));
        }
        return new SetVersions(versions.getOrDefault(tenantId, 0L), versions.getOrDefault(GLOBAL_TENANT, 0L));
    }

    /** The tenant's policy-set version: 0 before any change, raised by every change. */
    public long setVersion(String tenantId) {
        return handle.createQuery("SELECT version FROM policy_set_versions WHERE tenant_id = :tenant")
                .bind("tenant", tenantId)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    /** Raises the tenant's policy-set version by one and returns the new value. */
    public long bumpSetVersion(String tenantId) {
        handle.createUpdate("INSERT INTO policy_set_versions (tenant_id, version, updated_at) VALUES (:tenant, 0, :at)"
                        + " ON CONFLICT DO NOTHING")
                .bind("tenant", tenantId)
                .bind("at", Sql.ts(now.get()))
                .execute();
        handle.createUpdate("UPDATE policy_set_versions SET version = version + 1, updated_at = :at"
                        + " WHERE tenant_id = :tenant")
                .bind("tenant", tenantId)
                .bind("at", Sql.ts(now.get()))
                .execute();
        return setVersion(tenantId);
    }

    private void recordVersion(StoredPolicy p, String changeType, @Nullable String actor) {
        handle.createUpdate("INSERT INTO policy_versions (policy_id, version, tenant_id, snapshot, change_type,"
                        + " changed_by, changed_at) VALUES (:id, :version, :tenant, :snapshot, :type, :actor, :at)")
                .bind("id", p.id())
                .bind("version", p.version())
                .bind("tenant", p.tenantId())
                .bind("snapshot", p.definitionJson())
                .bind("type", changeType)
                .bind("actor", actor)
                .bind("at", Sql.ts(p.updatedAt()))
                .execute();
        bumpSetVersion(p.tenantId());
    }

    private static StoredPolicy map(ResultSet rs) throws SQLException {
        return new StoredPolicy(
                Objects.requireNonNull(rs.getObject("id", UUID.class), "id"),
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "name"),
                Sql.string(rs, "definition"),
                rs.getBoolean("enabled"),
                rs.getInt("priority"),
                Sql.string(rs, "mode"),
                rs.getInt("version"),
                rs.getString("created_by"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.nullableInstant(rs, "deleted_at"));
    }
}
