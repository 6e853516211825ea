package dev.arbiter.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The append-only, per-tenant hash-chained audit log, inside one transaction. Writing records locks the
 * tenant's chain head ({@code SELECT ... FOR UPDATE}, or the one writer thread: {@link RowLocks}) until the
 * transaction ends, so appends of one tenant are serialised and the chain has no forks or gaps;
 * {@link #append} defers the write to the end of the transaction so that this lock is taken last and held
 * briefly.
 * Not thread-safe; used by the thread that runs the transaction.
 */
public final class AuditLog {
    private static final String READ_HEAD = "SELECT last_seq, last_hash FROM audit_chain_heads WHERE tenant_id = ?";
    private static final String LOCK_HEAD = READ_HEAD + RowLocks.TAKEN.forUpdate();

    private final Handle handle;
    private final Supplier<Instant> now;
    private final Ids ids;
    private final RowLocks rowLocks;
    private final List<AuditEntry> pending = new ArrayList<>();

    AuditLog(Handle handle, Supplier<Instant> now, Ids ids, RowLocks rowLocks) {
        this.handle = handle;
        this.now = now;
        this.ids = ids;
        this.rowLocks = rowLocks;
    }

    /**
     * Adds a record to its tenant's chain when the transaction commits: the writer chains the records of all
     * the transactions of a batch together just before the commit ({@link GroupCommitWriter}), so that the
     * chain heads are locked last and once per batch, in tenant order, and never while a later piece of work
     * waits for another lock. The record commits or rolls back with the transaction that added it.
     */
    public void append(AuditEntry entry) {
        pending.add(Objects.requireNonNull(entry, "entry"));
    }

    /** The records added with {@link #append} and not yet written; they are handed over, not kept. */
    List<AuditEntry> takePending() {
        List<AuditEntry> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    /** Writes the records added with {@link #append} now, as {@link #appendInTenantOrder} does. */
    void writePending() {
        appendInTenantOrder(takePending());
    }

    /** Writes {@code entries} now, each tenant's in their order, tenants in name order (the lock order). */
    void appendInTenantOrder(List<AuditEntry> entries) {
        Map<String, List<AuditEntry>> byTenant = new TreeMap<>();
        for (AuditEntry e : entries) {
            byTenant.computeIfAbsent(e.tenantId(), t -> new ArrayList<>()).add(e);
        }
        byTenant.values().forEach(this::appendNow);
    }

    /**
     * Appends records in order, all of one tenant, now (one lock, one round of chain updates), and returns
     * them as stored: for the writer's batches, and for tools and tests that need the records themselves.
     * The tenant's chain head stays locked until the transaction ends.
     */
    public List<AuditRecord> appendNow(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        String tenant = entries.getFirst().tenantId();
        for (AuditEntry e : entries) {
            if (!e.tenantId().equals(tenant)) {
                throw new IllegalArgumentException("appendNow takes entries of one tenant");
            }
        }
        ChainHead head = lockHead(tenant);
        long seq = head.seq();
        String prev = head.hash();
        List<AuditRecord> written = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            Instant at = Sql.micros(now.get());
            seq++;
            String id = ids.auditId(at);
            String hash = AuditHash.of(id, seq, at, e, prev);
            AuditRecord record = new AuditRecord(id, seq, at, e, prev, hash);
            AuditRows.insert(handle, record);
            written.add(record);
            prev = hash;
        }
        try (Positional update = Positional.prepare(
                handle,
                "UPDATE audit_chain_heads SET last_seq = ?, last_hash = ?, updated_at = ? WHERE tenant_id = ?")) {
            update.longInteger(seq)
                    .string(prev)
                    .timestamp(written.getLast().timestamp())
                    .string(tenant)
                    .update();
        }
        return List.copyOf(written);
    }

    /** One record of the tenant by id. */
    public Optional<AuditRecord> find(String tenantId, String id) {
        return handle.createQuery(
                        "SELECT " + AuditRows.COLUMNS + " FROM audit_logs WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenantId)
                .bind("id", id)
                .map((rs, ctx) -> AuditRows.map(rs))
                .findOne();
    }

    /**
     * Contract §5.2 search within the query's tenant, newest first, with the total count of matches. Newest
     * first is {@code seq} descending: timestamps are taken under the chain lock, so within a tenant seq
     * order is time order, and the {@code (tenant_id, seq)} index serves the sort.
     */
    public Page<AuditRecord> search(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = :tenant");
        if (q.from() != null) {
            where.append(" AND logged_at >= :from");
        }
        if (q.to() != null) {
            where.append(" AND logged_at <= :to");
        }
        if (q.requestType() != null) {
            where.append(" AND request_type = :type");
        }
        if (q.requestId() != null) {
            where.append(" AND request_id = :request");
        }
        if (q.clientId() != null) {
            where.append(" AND LOWER(client_id) LIKE :client ESCAPE '!'");
        }
        if (q.userEmail() != null) {
            where.append(" AND LOWER(user_email) LIKE :email ESCAPE '!'");
        }
        long total = bind(handle.createQuery("SELECT COUNT(*) FROM audit_logs" + where), q)
                .mapTo(Long.class)
                .one();
        List<AuditRecord> rows = bind(
                        handle.createQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_logs" + where
                                + " ORDER BY seq DESC LIMIT :limit OFFSET :offset"),
                        q)
                .bind("limit", q.limit())
                .bind("offset", q.offset())
                .map((rs, ctx) -> AuditRows.map(rs))
                .list();
        return new Page<>(rows, total, q.limit(), q.offset());
    }

    /** Checks one tenant's chain and reports the first broken link. */
    public ChainVerification verify(String tenantId) {
        return new ChainVerifier(handle).verify(tenantId);
    }

    /** Checks every tenant's chain (tenants with records or a chain head), in tenant order. */
    public List<ChainVerification> verifyAll() {
        List<String> tenants = handle.createQuery("SELECT tenant_id FROM audit_chain_heads UNION"
                        + " SELECT DISTINCT tenant_id FROM audit_logs ORDER BY tenant_id")
                .mapTo(String.class)
                .list();
        ChainVerifier verifier = new ChainVerifier(handle);
        return tenants.stream().map(verifier::verify).toList();
    }

    private ChainHead lockHead(String tenant) {
        Optional<ChainHead> head = selectHeadForUpdate(tenant);
        if (head.isPresent()) {
            return head.get();
        }
        // First record of this tenant. ON CONFLICT DO NOTHING lets two first appends race safely: the loser
        // waits for the winner's row and then locks it like any later append.
        handle.createUpdate("INSERT INTO audit_chain_heads (tenant_id, last_seq, last_hash, updated_at)"
                        + " VALUES (:tenant, 0, :hash, :at) ON CONFLICT DO NOTHING")
                .bind("tenant", tenant)
                .bind("hash", AuditHash.GENESIS)
                .bind("at", Sql.ts(now.get()))
                .execute();
        return selectHeadForUpdate(tenant)
                .orElseThrow(() -> new StoreException("audit chain head for tenant could not be created"));
    }

    private Optional<ChainHead> selectHeadForUpdate(String tenant) {
        try (Positional select = Positional.prepare(handle, rowLocks == RowLocks.TAKEN ? LOCK_HEAD : READ_HEAD)) {
            return select.string(tenant).first(rs -> new ChainHead(rs.getLong(1), Sql.string(rs, "last_hash")));
        }
    }

    private static Query bind(Query query, AuditQuery q) {
        query.bind("tenant", q.tenantId());
        if (q.from() != null) {
            query.bind("from", Sql.ts(q.from()));
        }
        if (q.to() != null) {
            query.bind("to", Sql.ts(q.to()));
        }
        if (q.requestType() != null) {
            query.bind("type", q.requestType());
        }
        if (q.requestId() != null) {
            query.bind("request", q.requestId());
        }
        if (q.clientId() != null) {
            query.bind("client", likePattern(q.clientId()));
        }
        if (q.userEmail() != null) {
            query.bind("email", likePattern(q.userEmail()));
        }
        return query;
    }

    /** A case-insensitive substring pattern with LIKE's wildcards escaped (escape character {@code !}). */
    private static String likePattern(String value) {
        String escaped = value.toLowerCase(java.util.Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }

    record ChainHead(long seq, String hash) {}
}
