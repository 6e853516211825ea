package dev.arbiter.store;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Walks one tenant's audit chain in sequence order, a page at a time, and reports the first broken link.
 * The head is read first and only records up to its sequence are checked, so appends that commit during
 * the walk are not mistaken for damage; a record beyond the head in that same first read (one statement,
 * one snapshot) is damage, e.g. a record inserted without its chain update. Not thread-safe.
 */
final class ChainVerifier {
    private static final int PAGE = 500;

    private final Handle handle;

    ChainVerifier(Handle handle) {
        this.handle = handle;
    }

    ChainVerification verify(String tenant) {
        Optional<HeadAndLast> read = handle.createQuery("SELECT last_seq, last_hash,"
                        + " (SELECT MAX(seq) FROM audit_logs WHERE tenant_id = :tenant) AS max_seq"
                        + " FROM audit_chain_heads WHERE tenant_id = :tenant")
                .bind("tenant", tenant)
                .map((rs, ctx) -> new HeadAndLast(
                        new AuditLog.ChainHead(rs.getLong("last_seq"), Sql.string(rs, "last_hash")),
                        rs.getLong("max_seq")))
                .findOne();
        Optional<AuditLog.ChainHead> head = read.map(HeadAndLast::head);
        long limit = head.map(AuditLog.ChainHead::seq).orElse(Long.MAX_VALUE);
        long expected = 1;
        String prev = AuditHash.GENESIS;
        while (true) {
            List<AuditRecord> page = handle.createQuery("SELECT " + AuditRows.COLUMNS + " FROM audit_logs"
                            + " WHERE tenant_id = :tenant AND seq >= :from AND seq <= :to ORDER BY seq LIMIT :page")
                    .bind("tenant", tenant)
                    .bind("from", expected)
                    .bind("to", limit)
                    .bind("page", PAGE)
                    .map((rs, ctx) -> AuditRows.map(rs))
                    .list();
            for (AuditRecord r : page) {
                Optional<String> problem = check(r, expected, prev);
                if (problem.isPresent()) {
                    long at = r.seq() != expected ? expected : r.seq();
                    return new ChainVerification.Broken(tenant, at, r.id(), problem.get(), expected - 1);
                }
                expected++;
                prev = r.hash();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long verified = expected - 1;
        if (head.isEmpty()) {
            return verified == 0
                    ? new ChainVerification.Intact(tenant, 0, AuditHash.GENESIS)
                    : new ChainVerification.Broken(
                            tenant, verified, "", "chain head missing: records exist but no head row", verified);
        }
        if (head.get().seq() != verified) {
            return new ChainVerification.Broken(
                    tenant,
                    expected,
                    "",
                    "record missing: the head says " + head.get().seq() + " records, found " + verified,
                    verified);
        }
        if (!head.get().hash().equals(prev)) {
            return new ChainVerification.Broken(
                    tenant, verified, "", "head hash does not match the last record's hash", verified);
        }
        long lastSeq = read.get().lastSeq();
        if (lastSeq > verified) {
            return new ChainVerification.Broken(
                    tenant,
                    verified + 1,
                    "",
                    "record beyond the chain head: the head says " + verified + " records, a record has seq " + lastSeq,
                    verified);
        }
        return new ChainVerification.Intact(tenant, verified, prev);
    }

    /** The chain head and the highest sequence number among the tenant's records, read in one snapshot. */
    private record HeadAndLast(AuditLog.ChainHead head, long lastSeq) {}

    private static Optional<String> check(AuditRecord r, long expected, String prev) {
        if (r.seq() != expected) {
            return Optional.of("record missing: expected seq " + expected + ", next record found has seq " + r.seq());
        }
        if (!r.prevHash().equals(prev)) {
            return Optional.of("link broken: prev_hash does not match the previous record's hash");
        }
        String recomputed = AuditHash.of(r.id(), r.seq(), r.timestamp(), r.entry(), r.prevHash());
        if (!recomputed.equals(r.hash())) {
            return Optional.of("record altered: stored hash does not match its content");
        }
        return Optional.empty();
    }
}
