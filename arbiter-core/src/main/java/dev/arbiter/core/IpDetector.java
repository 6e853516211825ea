package dev.arbiter.core;

import java.util.List;
import org.apache.commons.validator.routines.InetAddressValidator;

/**
 * IPv4 addresses (four dotted octets 0-255 without leading zeros, not part of a longer dotted number such as a
 * version string) and IPv6 addresses (validated by commons-validator, at least two non-empty groups, so {@code ::}
 * and {@code ::1} are not reported).
 */
final class IpDetector implements Detector {
    private static final int MAX_IPV6 = 45;
    private static final InetAddressValidator VALIDATOR = InetAddressValidator.getInstance();

    @Override
    public FindingType type() {
        return FindingType.IP_ADDRESS;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        findIpv4(text, out);
        findIpv6(text, out);
    }

    private static void findIpv4(ScanText text, List<Finding> out) {
        int runs = text.runCount();
        for (int k = 0; k + 3 < runs; k++) {
            if (!isDottedQuad(text, k)) {
                continue;
            }
            int start = text.runStart(k);
            int end = text.runEnd(k + 3);
            if (dottedBoundary(text, start - 1, start - 2) && dottedBoundary(text, end, end + 1)) {
                out.add(new Finding(FindingType.IP_ADDRESS, start, end, 0.75, "ipv4"));
                k += 3;
            }
        }
    }

    private static boolean isDottedQuad(ScanText text, int k) {
        if (text.runLength(k) > 3 || text.charAt(text.runEnd(k)) != '.') {
            return false;
        }
        for (int run = k; run < k + 3; run++) {
            if (text.charAt(text.runEnd(run)) != '.' || text.runStart(run + 1) != text.runEnd(run) + 1) {
                return false;
            }
        }
        for (int run = k; run < k + 4; run++) {
            int length = text.runLength(run);
            int start = text.runStart(run);
            if (length > 3 || (length > 1 && text.charAt(start) == '0')) {
                return false;
            }
            int octet = 0;
            for (int i = start; i < start + length; i++) {
                octet = octet * 10 + text.charAt(i) - '0';
            }
            if (octet > 255) {
                return false;
            }
        }
        return true;
    }

    /** No word character at {@code at}, and no dot there that continues the number at {@code beyond}. */
    private static boolean dottedBoundary(ScanText text, int at, int beyond) {
        if (at < 0 || at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        if (ScanText.isWordChar(c)) {
            return false;
        }
        return c != '.' || beyond < 0 || beyond >= text.length() || !ScanText.isDigit(text.charAt(beyond));
    }

    /**
     * Each maximal token of hex digits, colons and dots that contains a colon is examined once: candidates are
     * tokens of at most {@value #MAX_IPV6} characters on word boundaries that commons-validator accepts.
     */
    private static void findIpv6(ScanText text, List<Finding> out) {
        String s = text.text();
        int from = 0;
        while (true) {
            int colon = s.indexOf(':', from);
            if (colon < 0) {
                return;
            }
            if (!hasNearbyColon(s, colon)) {
                from = colon + 1;
                continue;
            }
            int start = colon;
            while (start > from && isIpv6Char(s.charAt(start - 1))) {
                start--;
            }
            int end = colon + 1;
            while (end < s.length() && isIpv6Char(s.charAt(end))) {
                end++;
            }
            from = end;
            if (end - start > MAX_IPV6 + 1 || (start > 0 && isIpv6Char(s.charAt(start - 1)))) {
                continue;
            }
            if (s.charAt(end - 1) == ':' && s.charAt(end - 2) != ':') {
                end--;
            }
            boolean bounded = (start == 0 || !ScanText.isWordChar(s.charAt(start - 1)))
                    && (end == s.length() || !ScanText.isWordChar(s.charAt(end)));
            if (bounded
                    && end - start <= MAX_IPV6
                    && groups(s, start, end) >= 2
                    && VALIDATOR.isValidInet6Address(s.substring(start, end))) {
                out.add(new Finding(FindingType.IP_ADDRESS, start, end, 0.75, "ipv6"));
            }
        }
    }

    /** Cheap pre-check: an IPv6 colon has another colon at most five hex digits away, and a hex digit or colon
     * before it. JSON's {@code "key": "value"} fails at once. */
    private static boolean hasNearbyColon(String s, int colon) {
        if (colon == 0 || !isIpv6Char(s.charAt(colon - 1))) {
            return false;
        }
        for (int i = colon + 1; i < s.length() && i <= colon + 5; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isIpv6Char(c) || c == '.') {
                return false;
            }
        }
        return false;
    }

    private static boolean isIpv6Char(char c) {
        return ScanText.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
    }

    private static int groups(String s, int start, int end) {
        int groups = 0;
        boolean inGroup = false;
        int colons = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == ':') {
                colons++;
                inGroup = false;
            } else if (!inGroup) {
                inGroup = true;
                groups++;
            }
        }
        return colons >= 2 ? groups : 0;
    }
}
