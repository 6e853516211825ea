package dev.arbiter.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Recognises JSON Web Tokens: three base64url parts separated by dots (the signature may be empty for
 * {@code alg: none}) whose header decodes to a JSON object naming an {@code alg}. Random dotted text fails the
 * header check.
 */
final class Jwt {
    private static final int MAX_PART = 8192;

    private Jwt() {}

    /** The end of a JWT starting at {@code start}, or -1 when there is none. */
    static int end(String s, int start) {
        int headerEnd = partEnd(s, start);
        if (headerEnd - start < 10 || headerEnd >= s.length() || s.charAt(headerEnd) != '.') {
            return -1;
        }
        int payloadEnd = partEnd(s, headerEnd + 1);
        if (payloadEnd - headerEnd - 1 < 2 || payloadEnd >= s.length() || s.charAt(payloadEnd) != '.') {
            return -1;
        }
        int end = partEnd(s, payloadEnd + 1);
        if (end < s.length() && (ScanText.isWordChar(s.charAt(end)) || s.charAt(end) == '.')) {
            return -1;
        }
        return hasAlgorithm(s.substring(start, headerEnd)) ? end : -1;
    }

    private static int partEnd(String s, int from) {
        int i = from;
        while (i < s.length() && i - from < MAX_PART && isBase64Url(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBase64Url(char c) {
        return ScanText.isDigit(c) || ScanText.isAsciiLetter(c) || c == '-' || c == '_';
    }

    private static boolean hasAlgorithm(String header) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8).strip();
            return json.startsWith("{") && json.endsWith("}") && namesAlgorithm(json);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /** The key {@code "alg"} (followed by a colon), not merely the string somewhere in a value. */
    private static boolean namesAlgorithm(String json) {
        int at = json.indexOf("\"alg\"");
        while (at >= 0) {
            int i = at + 5;
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            if (i < json.length() && json.charAt(i) == ':') {
                return true;
            }
            at = json.indexOf("\"alg\"", at + 1);
        }
        return false;
    }
}
