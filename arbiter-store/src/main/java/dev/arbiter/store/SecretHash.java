package dev.arbiter.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Salted HMAC-SHA-256 of client secrets. Secrets are 200+ random bits, so a slow password hash would add
 * latency to every authenticated request without adding security (stack.md §9). Stateless and thread-safe.
 */
final class SecretHash {
    private SecretHash() {}

    static String of(byte[] salt, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    static boolean matches(byte[] salt, String secret, String storedHex) {
        byte[] computed = of(salt, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(computed, storedHex.getBytes(StandardCharsets.US_ASCII));
    }
}
