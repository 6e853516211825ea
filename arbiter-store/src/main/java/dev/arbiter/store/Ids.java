package dev.arbiter.store;

import java.security.SecureRandom;
import java.time.Instant;

/** Random identifiers and secrets; thread-safe (SecureRandom is). */
final class Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Bytes at or above this would make the first characters of {@link #ALPHABET} likelier. */
    private static final int UNBIASED_LIMIT = 256 - 256 % ALPHABET.length;

    private final SecureRandom random = new SecureRandom();

    /**
     * {@code audit_<unix seconds>_<16 chars [a-z0-9]>}. AxonFlow uses 8 random characters; 16 keep collisions
     * out of reach at thousands of records per second.
     */
    String auditId(Instant at) {
        return "audit_" + at.getEpochSecond() + "_" + token(16);
    }

    /** {@code cli_} and 24 random characters (about 124 bits). */
    String clientId() {
        return "cli_" + token(24);
    }

    /** {@code arb_} and 43 random characters (about 222 bits): high entropy, so a salted HMAC suffices. */
    String clientSecret() {
        return "arb_" + token(43);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /**
     * {@code length} characters drawn uniformly from {@code [a-z0-9]}. Random bytes are fetched in one call
     * per token, not one per character: each call to the shared {@link SecureRandom} takes its lock and
     * (with the default NativePRNG) that of the entropy source, 2 % of the writer thread's time per gate
     * when audit ids were drawn character by character. A byte maps to a character only below 252, the
     * largest multiple of 36 that fits, so every character stays equally likely.
     */
    String token(int length) {
        char[] out = new char[length];
        byte[] bytes = new byte[length + length / 2 + 4];
        int filled = 0;
        while (filled < length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int b = bytes[i] & 0xff;
                if (b < UNBIASED_LIMIT) {
                    out[filled++] = ALPHABET[b % ALPHABET.length];
                }
            }
        }
        return new String(out);
    }
}
