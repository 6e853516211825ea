package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Policies of one kind as the management API changes them, inside one transaction: every change writes a
 * {@code policy_versions} row (snapshot, who, when, kind of change, summary) and raises the tenant's
 * policy-set version, so every replica recompiles before its next gate. Deletion is soft: a deleted policy
 * keeps its history and can be restored by a rollback. Take {@link #lock} first in a transaction that checks
 * names or versions before writing. Not thread-safe; used by the thread that runs the transaction.
 */
public final class ManagedPolicies {
    private static final String COLUMNS = "p.id, p.tenant_id, p.name, p.definition, p.enabled, p.priority, p.mode,"
            + " p.version, p.created_by, p.created_at, p.updated_at, p.deleted_at, v.changed_by AS updated_by";

    private final Handle handle;
    private final Supplier<Instant> now;
    private final Policies sets;
    private final PolicyKind kind;

    ManagedPolicies(Handle handle, Supplier<Instant> now, PolicyKind kind) {
        this.handle = handle;
        this.now = now;
        this.sets = new Policies(handle, now);
        this.kind = kind;
    }

    /**
     * Locks the tenant's policies until the transaction ends ({@code SELECT ... FOR UPDATE} on its policy-set
     * version row, created if absent), so that concurrent writers of one tenant serialise: a name checked free
     * stays free, a version read stays current. Returns the tenant's policy-set version.
     */
    public long lock(String tenantId) {
        handle.createUpdate("INSERT INTO policy_set_versions (tenant_id, version, updated_at) VALUES (:tenant, 0, :at)"
                        + " ON CONFLICT DO NOTHING")
                .bind("tenant", tenantId)
                .bind("at", Sql.ts(now.get()))
                .execute();
        return handle.createQuery("SELECT version FROM policy_set_versions WHERE tenant_id = :tenant FOR UPDATE")
                .bind("tenant", tenantId)
                .mapTo(Long.class)
                .one();
    }

    /** The tenant's live (not deleted) policies, highest priority first, then oldest first. */
    public List<ManagedPolicy> listLive(String tenantId) {
        return handle.createQuery(select() + " WHERE p.tenant_id = :tenant AND p.deleted_at IS NULL"
                        + " ORDER BY p.priority DESC, p.created_at, p.id")
                .bind("tenant", tenantId)
                .map((rs, ctx) -> map(rs))
                .list();
    }

    /** The tenant's policy with this id, deleted or not. */
    public Optional<ManagedPolicy> find(String tenantId, UUID id) {
        return handle.createQuery(select() + " WHERE p.tenant_id = :tenant AND p.id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** The tenant's live policy with this name. */
    public Optional<ManagedPolicy> findLiveByName(String tenantId, String name) {
        return handle.createQuery(select() + " WHERE p.tenant_id = :tenant AND p.name = :name AND p.deleted_at IS NULL"
                        + " ORDER BY p.created_at, p.id")
                .bind("tenant", tenantId)
                .bind("name", name)
                .map((rs, ctx) -> map(rs))
                .findFirst();
    }

    /** Inserts a new policy as version 1 under the given id. */
    public ManagedPolicy insert(String tenantId, UUID id, Definition d, Change change) {
        Instant at = Sql.micros(now.get());
        handle.createUpdate(
                        "INSERT INTO " + kind.table() + " (id, tenant_id, name, definition, enabled, priority, mode,"
                                + " version, created_by, created_at, updated_at, deleted_at) VALUES (:id, :tenant, :name,"
                                + " :definition, :enabled, :priority, :mode, 1, :actor, :at, :at, NULL)")
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("name", d.name())
                .bind("definition", d.json())
                .bind("enabled", d.enabled())
                .bind("priority", d.priority())
                .bind("mode", d.mode())
                .bind("actor", change.actor())
                .bind("at", Sql.ts(at))
                .execute();
        StoredPolicy p = new StoredPolicy(
                id, tenantId, d.name(), d.json(), d.enabled(), d.priority(), d.mode(), 1, change.actor(), at, at, null);
        recordVersion(p, change);
        return new ManagedPolicy(p, change.actor());
    }

    /** Writes {@code d} as the next version of {@code current}; a deleted policy becomes live again. */
    public ManagedPolicy update(ManagedPolicy current, Definition d, Change change) {
        StoredPolicy old = current.stored();
        Instant at = Sql.micros(now.get());
        int version = old.version() + 1;
        int rows = handle.createUpdate("UPDATE " + kind.table() + " SET name = :name, definition = :definition,"
                        + " enabled = :enabled, priority = :priority, mode = :mode, version = :version,"
                        + " updated_at = :at, deleted_at = NULL WHERE id = :id AND tenant_id = :tenant"
                        + " AND version = :old")
                .bind("name", d.name())
                .bind("definition", d.json())
                .bind("enabled", d.enabled())
                .bind("priority", d.priority())
                .bind("mode", d.mode())
                .bind("version", version)
                .bind("at", Sql.ts(at))
                .bind("id", old.id())
                .bind("tenant", old.tenantId())
                .bind("old", old.version())
                .execute();
        checkOneRow(rows, old);
        StoredPolicy p = new StoredPolicy(
                old.id(),
                old.tenantId(),
                d.name(),
                d.json(),
                d.enabled(),
                d.priority(),
                d.mode(),
                version,
                old.createdBy(),
                old.createdAt(),
                at,
                null);
        recordVersion(p, change);
        return new ManagedPolicy(p, change.actor());
    }

    /** Soft-deletes {@code current}: a new version whose snapshot is the definition as it was. */
    public ManagedPolicy delete(ManagedPolicy current, Change change) {
        StoredPolicy old = current.stored();
        Instant at = Sql.micros(now.get());
        int version = old.version() + 1;
        int rows = handle.createUpdate("UPDATE " + kind.table() + " SET version = :version, updated_at = :at,"
                        + " deleted_at = :at WHERE id = :id AND tenant_id = :tenant AND version = :old")
                .bind("version", version)
                .bind("at", Sql.ts(at))
                .bind("id", old.id())
                .bind("tenant", old.tenantId())
                .bind("old", old.version())
                .execute();
        checkOneRow(rows, old);
        StoredPolicy p = new StoredPolicy(
                old.id(),
                old.tenantId(),
                old.name(),
                old.definitionJson(),
                old.enabled(),
                old.priority(),
                old.mode(),
                version,
                old.createdBy(),
                old.createdAt(),
                at,
                at);
        recordVersion(p, change);
        return new ManagedPolicy(p, change.actor());
    }

    /** Every version of the tenant's policy, newest first; empty when there is no such policy. */
    public List<PolicyVersion> versions(String tenantId, UUID id) {
        return handle.createQuery("SELECT " + VersionRows.COLUMNS + " FROM policy_versions WHERE tenant_id = :tenant"
                        + " AND policy_id = :id ORDER BY version DESC")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map((rs, ctx) -> VersionRows.map(rs))
                .list();
    }

    /** One version of the tenant's policy. */
    public Optional<PolicyVersion> version(String tenantId, UUID id, int version) {
        return handle.createQuery("SELECT " + VersionRows.COLUMNS + " FROM policy_versions WHERE tenant_id = :tenant"
                        + " AND policy_id = :id AND version = :version")
                .bind("tenant", tenantId)
                .bind("id", id)
                .bind("version", version)
                .map((rs, ctx) -> VersionRows.map(rs))
                .findOne();
    }

    private void recordVersion(StoredPolicy p, Change change) {
        handle.createUpdate("INSERT INTO policy_versions (policy_id, version, tenant_id, snapshot, change_type,"
                        + " changed_by, changed_at, change_summary) VALUES (:id, :version, :tenant, :snapshot, :type,"
                        + " :actor, :at, :summary)")
                .bind("id", p.id())
                .bind("version", p.version())
                .bind("tenant", p.tenantId())
                .bind("snapshot", p.definitionJson())
                .bind("type", change.type())
                .bind("actor", change.actor())
                .bind("at", Sql.ts(p.updatedAt()))
                .bind("summary", change.summary())
                .execute();
        sets.bumpSetVersion(p.tenantId());
    }

    private String select() {
        return "SELECT " + COLUMNS + " FROM " + kind.table() + " p LEFT JOIN policy_versions v"
                + " ON v.policy_id = p.id AND v.version = p.version";
    }

    private static void checkOneRow(int rows, StoredPolicy old) {
        if (rows != 1) {
            // Callers lock the tenant first, so this means the caller read a row it did not lock.
            throw new StoreException("policy " + old.id() + " changed since version " + old.version() + " was read");
        }
    }

    private static ManagedPolicy map(ResultSet rs) throws SQLException {
        StoredPolicy p = new StoredPolicy(
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
        return new ManagedPolicy(p, rs.getString("updated_by"));
    }

    /**
     * What a policy is: its name, canonical JSON and the columns lifted out of it for queries.
     *
     * @param name unique among the tenant's live policies of this kind
     * @param json canonical definition
     * @param enabled whether it is evaluated
     * @param priority higher first
     * @param mode {@code enforce} or {@code shadow}
     */
    public record Definition(String name, String json, boolean enabled, int priority, String mode) {
        public Definition {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /**
     * Who changed a policy and how, for its version row.
     *
     * @param type {@code created}, {@code updated}, {@code deleted}, {@code rollback}, {@code imported}, ...
     * @param actor who, or {@code null}
     * @param summary one line describing the change, or {@code null}
     */
    public record Change(
            String type, @Nullable String actor, @Nullable String summary) {
        public Change {
            Objects.requireNonNull(type, "type");
        }
    }

    /** Mapping of {@code policy_versions} rows; stateless. */
    private static final class VersionRows {
        static final String COLUMNS =
                "policy_id, version, tenant_id, snapshot, change_type, changed_by, changed_at, change_summary";

        static PolicyVersion map(ResultSet rs) throws SQLException {
            return new PolicyVersion(
                    Objects.requireNonNull(rs.getObject("policy_id", UUID.class), "policy_id"),
                    rs.getInt("version"),
                    Sql.string(rs, "tenant_id"),
                    Sql.string(rs, "snapshot"),
                    Sql.string(rs, "change_type"),
                    rs.getString("changed_by"),
                    Sql.instant(rs, "changed_at"),
                    rs.getString("change_summary"));
        }
    }
}
