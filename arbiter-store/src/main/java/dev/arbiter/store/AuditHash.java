package dev.arbiter.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The audit chain's hash: SHA-256 over a canonical encoding of a record's fields followed by the previous
 * record's hash. Each field is written as its UTF-8 byte length (4 bytes, big-endian; -1 for null) and its
 * bytes, so no two different records encode alike. Stateless and thread-safe.
 */
final class AuditHash {
    /** The {@code prev_hash} of a tenant's first record. */
    static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "arbiter-audit-v1";
    /** One digest per thread, reused (see {@link #sha256}). */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private AuditHash() {}

    static String of(String id, long seq, Instant timestamp, AuditEntry e, String prevHash) {
        MessageDigest sha = sha256();
        put(sha, VERSION);
        put(sha, e.tenantId());
        put(sha, Long.toString(seq));
        put(sha, id);
        put(sha, Sql.micros(timestamp).toString());
        put(sha, e.requestId());
        put(sha, e.requestType());
        put(sha, e.policyDecision());
        put(sha, e.clientId());
        put(sha, e.userEmail());
        put(sha, e.query());
        put(sha, e.decisionId());
        put(sha, e.policiesEvaluatedJson());
        put(sha, e.policiesMatchedJson());
        put(sha, e.detailsJson());
        put(sha, e.provider());
        put(sha, e.model());
        put(sha, e.tokensUsed() == null ? null : e.tokensUsed().toString());
        put(sha, decimal(e.costUsd()));
        put(sha, e.latencyMs() == null ? null : e.latencyMs().toString());
        put(sha, prevHash);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static @Nullable String decimal(@Nullable BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void put(MessageDigest sha, @Nullable String value) {
        if (value == null) {
            sha.update(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }

    /**
     * A SHA-256 digest for this thread, reset: looking one up per record went through the provider
     * registry every time (the writer thread hashes every audit record).
     */
    private static MessageDigest sha256() {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return digest;
    }
}
