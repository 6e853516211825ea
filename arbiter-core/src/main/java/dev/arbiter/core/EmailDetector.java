package dev.arbiter.core;

import java.util.List;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * E-mail addresses, found from each {@code @}: the local part and the domain are expanded around it within their
 * RFC length limits (64 and 253 characters), and the candidate is checked by commons-validator, which also requires
 * a known top-level domain.
 *
 * <p>A local part that would be longer than 64 characters is not an address, so a megabyte of letters with one
 * {@code @} costs at most a few hundred character reads.
 */
final class EmailDetector implements Detector {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);

    @Override
    public FindingType type() {
        return FindingType.EMAIL;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        String s = text.text();
        int at = s.indexOf('@');
        while (at >= 0) {
            int end = candidateEnd(s, at);
            int start = candidateStart(s, at);
            if (start >= 0 && end > at + 1 && VALIDATOR.isValid(s.substring(start, end))) {
                out.add(new Finding(FindingType.EMAIL, start, end, 0.9, "email"));
            }
            at = s.indexOf('@', Math.max(at + 1, end));
        }
    }

    /** The first character of the local part, or -1 when there is none or it is too long. */
    private static int candidateStart(String s, int at) {
        int start = at;
        while (start > 0 && isLocalChar(s.charAt(start - 1))) {
            start--;
            if (at - start > MAX_LOCAL) {
                return -1;
            }
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        return start < at ? start : -1;
    }

    /** The end of the domain; trailing dots and dashes (sentence punctuation) are not part of it. */
    private static int candidateEnd(String s, int at) {
        int end = at + 1;
        while (end < s.length() && end - at <= MAX_DOMAIN && isDomainChar(s.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return end;
    }

    /**
     * The common local-part characters. RFC 5322 allows more ({@code ! # $ & ' * = ? ^ ~}), but in running text
     * those are far more often the quote or query-string character just before an address than part of it.
     */
    private static boolean isLocalChar(char c) {
        return ScanText.isDigit(c)
                || ScanText.isAsciiLetter(c)
                || c == '.'
                || c == '_'
                || c == '%'
                || c == '+'
                || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return ScanText.isDigit(c) || ScanText.isAsciiLetter(c) || c == '.' || c == '-';
    }
}
