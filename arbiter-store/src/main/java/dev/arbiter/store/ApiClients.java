package dev.arbiter.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * API clients of one transaction: creation (the secret is returned once and stored as a salted hash),
 * authentication, listing and revocation. Lookups by client id are not tenant-scoped: the credentials are
 * what determine the tenant. Not thread-safe; used by the thread that runs the transaction.
 */
public final class ApiClients {
    // Compared against when the client id is unknown, so both paths cost one HMAC.
    private static final byte[] DUMMY_SALT = new byte[16];

    private final Handle handle;
    private final Supplier<Instant> now;
    private final Ids ids;

    ApiClients(Handle handle, Supplier<Instant> now, Ids ids) {
        this.handle = handle;
        this.now = now;
        this.ids = ids;
    }

    /** Creates a client for {@code tenantId}; the returned secret is never retrievable again. */
    public IssuedClient create(String tenantId, String name) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        if (tenantId.isBlank() || tenantId.length() > 255) {
            throw new IllegalArgumentException("tenant must be 1..255 characters");
        }
        if (name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("client name must be 1..255 characters");
        }
        String clientId = ids.clientId();
        String secret = ids.clientSecret();
        byte[] salt = ids.bytes(16);
        Instant at = Sql.micros(now.get());
        handle.createUpdate("INSERT INTO api_clients (client_id, tenant_id, name, secret_salt, secret_hash, created_at)"
                        + " VALUES (:id, :tenant, :name, :salt, :hash, :at)")
                .bind("id", clientId)
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("salt", HexFormat.of().formatHex(salt))
                .bind("hash", SecretHash.of(salt, secret))
                .bind("at", Sql.ts(at))
                .execute();
        return new IssuedClient(new ApiClientRecord(clientId, tenantId, name, at, null), secret);
    }

    /** The active client whose id and secret match, else empty (unknown, revoked or wrong secret alike). */
    public Optional<ApiClientRecord> authenticate(String clientId, String secret) {
        Optional<Stored> stored = handle.createQuery("SELECT client_id, tenant_id, name, created_at, revoked_at,"
                        + " secret_salt, secret_hash FROM api_clients WHERE client_id = :id")
                .bind("id", clientId)
                .map((rs, ctx) -> new Stored(map(rs), Sql.string(rs, "secret_salt"), Sql.string(rs, "secret_hash")))
                .findOne();
        if (stored.isEmpty()) {
            SecretHash.matches(DUMMY_SALT, secret, "0".repeat(64));
            return Optional.empty();
        }
        Stored s = stored.get();
        boolean ok = SecretHash.matches(HexFormat.of().parseHex(s.salt()), secret, s.hash());
        return ok && s.client().active() ? Optional.of(s.client()) : Optional.empty();
    }

    /** The client, active or revoked. */
    public Optional<ApiClientRecord> find(String clientId) {
        return handle.createQuery(
                        "SELECT client_id, tenant_id, name, created_at, revoked_at FROM api_clients WHERE client_id = :id")
                .bind("id", clientId)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    /** Clients of one tenant, or of every tenant when {@code tenantId} is null, oldest first. */
    public List<ApiClientRecord> list(@Nullable String tenantId) {
        String where = tenantId == null ? "" : " WHERE tenant_id = :tenant";
        var query = handle.createQuery("SELECT client_id, tenant_id, name, created_at, revoked_at FROM api_clients"
                + where + " ORDER BY created_at, client_id");
        if (tenantId != null) {
            query.bind("tenant", tenantId);
        }
        return query.map((rs, ctx) -> map(rs)).list();
    }

    /** Revokes an active client; false if it does not exist or was already revoked. */
    public boolean revoke(String clientId) {
        return handle.createUpdate(
                                "UPDATE api_clients SET revoked_at = :at WHERE client_id = :id AND revoked_at IS NULL")
                        .bind("at", Sql.ts(now.get()))
                        .bind("id", clientId)
                        .execute()
                == 1;
    }

    private static ApiClientRecord map(ResultSet rs) throws SQLException {
        return new ApiClientRecord(
                Sql.string(rs, "client_id"),
                Sql.string(rs, "tenant_id"),
                Sql.string(rs, "name"),
                Sql.instant(rs, "created_at"),
                Sql.nullableInstant(rs, "revoked_at"));
    }

    private record Stored(ApiClientRecord client, String salt, String hash) {}
}
