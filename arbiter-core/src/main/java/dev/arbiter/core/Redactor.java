package dev.arbiter.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Replaces findings with the redaction formats of the AxonFlow response processor (wire contract §6.3):
 * SSN {@code XXX-XX-1234}, card {@code ****-****-****-1234}, phone {@code ***-***-1234}, IP
 * {@code ***.***.***.***}, e-mail {@code [HASHED_<8 hex>]}, secrets {@code [REDACTED_KEY]},
 * {@code [REDACTED_TOKEN]} or {@code [REDACTED_PASSWORD]}, anything else {@code [REDACTED]}.
 *
 * <p>Only personal data and secrets are replaced; SQL injection and dangerous commands are not sensitive content.
 * Overlapping findings are merged and their union becomes {@code [REDACTED]}, so no character of any finding
 * survives except the documented last four digits. Stateless and thread-safe.
 */
final class Redactor {
    private static final HexFormat HEX = HexFormat.of();

    private Redactor() {}

    static boolean isRedacted(FindingType type) {
        return type.isPii() || type == FindingType.SECRET;
    }

    static Redaction redact(String text, List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>();
        for (Finding f : findings) {
            if (f.end() > text.length()) {
                throw new IllegalArgumentException(
                        "finding [" + f.start() + ", " + f.end() + ") is outside a text of length " + text.length());
            }
            if (isRedacted(f.type()) && f.end() > f.start()) {
                sorted.add(f);
            }
        }
        sorted.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int i = 0;
        while (i < sorted.size()) {
            Finding first = sorted.get(i);
            int end = first.end();
            int j = i + 1;
            while (j < sorted.size() && sorted.get(j).start() < end) {
                end = Math.max(end, sorted.get(j).end());
                j++;
            }
            out.append(text, copied, first.start());
            out.append(j == i + 1 ? replacement(text, first) : "[REDACTED]");
            copied = end;
            i = j;
        }
        out.append(text, copied, text.length());
        return new Redaction(out.toString(), sorted);
    }

    static String replacement(String text, Finding f) {
        String value = text.substring(f.start(), f.end());
        return switch (f.type()) {
            case US_SSN -> lastFour("XXX-XX-", value);
            case CREDIT_CARD -> lastFour("****-****-****-", value);
            case PHONE -> lastFour("***-***-", value);
            case IP_ADDRESS -> "***.***.***.***";
            case EMAIL -> "[HASHED_" + shortHash(value.toLowerCase(Locale.ROOT)) + "]";
            case SECRET -> secret(f.detail());
            default -> "[REDACTED]";
        };
    }

    private static String secret(String detail) {
        return switch (detail) {
            case "password" -> "[REDACTED_PASSWORD]";
            case "github_token", "gitlab_token", "slack_token", "jwt", "bearer_token", "token" -> "[REDACTED_TOKEN]";
            default -> "[REDACTED_KEY]";
        };
    }

    /** The prefix and the value's last four digits; a value with fewer digits is not shortened but hidden. */
    private static String lastFour(String prefix, String value) {
        StringBuilder digits = new StringBuilder(4);
        for (int i = value.length() - 1; i >= 0 && digits.length() < 4; i--) {
            if (ScanText.isDigit(value.charAt(i))) {
                digits.append(value.charAt(i));
            }
        }
        return digits.length() < 4 ? "[REDACTED]" : prefix + digits.reverse();
    }

    /**
     * The first four bytes of SHA-256 in hex: stable, so the same address always maps to the same token and a
     * reader can still tell two addresses apart, while the address itself is gone. It is not a keyed hash: whoever
     * guesses an address can confirm the guess.
     */
    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK provides SHA-256", impossible);
        }
    }
}
