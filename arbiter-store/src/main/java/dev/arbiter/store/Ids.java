package dev.arbiter.store;

import java.security.SecureRandom;
import java.time.Instant;

/** Random identifiers and secrets; thread-safe (SecureRandom is). */
final class Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

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

    String token(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
