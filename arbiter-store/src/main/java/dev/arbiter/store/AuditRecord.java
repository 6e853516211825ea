package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored audit record: the entry plus what the store assigned.
 *
 * @param id {@code audit_<unix seconds>_<16 chars>}
 * @param seq position in the tenant's chain, 1-based, without gaps
 * @param timestamp when it was appended (the transaction's clock time)
 * @param entry what was logged
 * @param prevHash the previous record's hash (64 zeros for the first record of a tenant)
 * @param hash SHA-256 (hex) over this record's canonical fields and {@code prevHash}
 */
public record AuditRecord(String id, long seq, Instant timestamp, AuditEntry entry, String prevHash, String hash) {
    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
