package dev.arbiter.core;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;

/**
 * Telephone numbers: US numbers that libphonenumber validates ({@code Leniency.VALID}), international {@code +cc}
 * numbers and formatted North American numbers of a possible length, plus, labelled by a phone word ("phone",
 * "call", "fax", ... before it, or "office", "fax", ... right after it), other numbers with a telephone's shape.
 *
 * <p>libphonenumber is the expensive part, so it only sees small windows around clusters of digit runs joined by
 * telephone punctuation whose digit count could be a US or an international number; the windows keep a few
 * characters of context on both sides so that its own checks (time stamps, extensions) still work.
 */
final class PhoneDetector implements Detector {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_TRIES = 8;
    private static final int MAX_CLUSTER_DIGITS = 20;
    private static final Cue[] PHONE_WORDS = {
        Cue.PHONE, Cue.TELEPHONE, Cue.TEL, Cue.MOBILE, Cue.CELL, Cue.FAX, Cue.CALL, Cue.CONTACT, Cue.WHATSAPP
    };

    @Override
    public FindingType type() {
        return FindingType.PHONE;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        int runs = text.runCount();
        int k = 0;
        while (k < runs) {
            int first = k;
            int digits = text.runLength(k);
            while (k + 1 < runs && joins(text, text.runEnd(k), text.runStart(k + 1)) && digits <= MAX_CLUSTER_DIGITS) {
                k++;
                digits += text.runLength(k);
            }
            int last = k;
            k++;
            int start = clusterStart(text, text.runStart(first));
            int end = text.runEnd(last);
            boolean international = text.charAt(start) == '+';
            boolean nanp = !international && isNanpShaped(text, first, last);
            if (international ? digits >= 8 && digits <= 17 : digits == 10 || digits == 11) {
                if (findNumbers(text, start, end, international || nanp, out)) {
                    continue;
                }
            }
            if (digits >= 7 && digits <= 15 && last > first && shapedLikePhone(text, first, last)) {
                findByContext(text, start, end, out);
            }
        }
    }

    /**
     * Runs libphonenumber on a window around a cluster. A {@code +cc} number or a formatted North American
     * {@code (ddd) ddd-dddd} only needs a possible length ({@code Leniency.POSSIBLE}): the shape already says
     * "telephone". Anything else must be a valid US number.
     */
    private static boolean findNumbers(ScanText text, int start, int end, boolean shaped, List<Finding> out) {
        int from = Math.max(0, start - 4);
        String window = text.slice(from, end + 10);
        PhoneNumberUtil.Leniency leniency = shaped ? PhoneNumberUtil.Leniency.POSSIBLE : PhoneNumberUtil.Leniency.VALID;
        boolean found = false;
        for (PhoneNumberMatch match : UTIL.findNumbers(window, "US", leniency, MAX_TRIES)) {
            int matchStart = from + match.start();
            int matchEnd = from + match.end();
            double confidence = shaped ? 0.6 : 0.7;
            if (hasContext(text, matchStart, matchEnd)) {
                confidence = Detector.adjust(confidence, 0.2);
            }
            out.add(new Finding(FindingType.PHONE, matchStart, matchEnd, confidence, "phone"));
            found = true;
        }
        return found;
    }

    /** A phone word shortly before the number, or a label such as "fax" or "office" right after it. */
    private static boolean hasContext(ScanText text, int start, int end) {
        return text.cueWithin(start - 40, start, PHONE_WORDS)
                || text.cueWithin(end, end + 12, PHONE_WORDS)
                || text.cueWithin(end, end + 12, Cue.OFFICE);
    }

    /** A national number in a format libphonenumber cannot place without its country, labelled as a phone. */
    private static void findByContext(ScanText text, int start, int end, List<Finding> out) {
        if (hasContext(text, start, end) && text.numberStartsAt(start) && text.numberEndsAt(end)) {
            out.add(new Finding(FindingType.PHONE, start, end, 0.6, "phone"));
        }
    }

    /** Digit runs belong to one number when at most three characters of telephone punctuation sit between them. */
    private static boolean joins(ScanText text, int gapStart, int gapEnd) {
        if (gapEnd - gapStart > 3) {
            return false;
        }
        for (int i = gapStart; i < gapEnd; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return false;
            }
        }
        return true;
    }

    private static int clusterStart(ScanText text, int start) {
        int i = start;
        while (i > 0 && start - i < 2 && (text.charAt(i - 1) == '+' || text.charAt(i - 1) == '(')) {
            i--;
        }
        return i;
    }

    /**
     * Groups of two to eight digits (the first may have up to ten), one kind of separator between them apart from
     * an area code in parentheses, and not a date.
     */
    private static boolean shapedLikePhone(ScanText text, int first, int last) {
        char separator = 0;
        for (int run = first; run <= last; run++) {
            int length = text.runLength(run);
            if (length < 2 || length > (run == first ? 10 : 8)) {
                return false;
            }
            if (run == last) {
                break;
            }
            char gap = text.charAt(text.runEnd(run));
            if (gap == ')' || gap == '(') {
                continue;
            }
            if (separator != 0 && gap != separator) {
                return false;
            }
            separator = gap;
        }
        return !looksLikeDate(text, first, last);
    }

    /** {@code ddd-ddd-dddd}, {@code ddd.ddd.dddd}, {@code ddd ddd dddd} or {@code (ddd) ddd-dddd}. */
    private static boolean isNanpShaped(ScanText text, int first, int last) {
        if (last - first != 2
                || text.runLength(first) != 3
                || text.runLength(first + 1) != 3
                || text.runLength(last) != 4) {
            return false;
        }
        String areaGap = text.slice(text.runEnd(first), text.runStart(first + 1));
        String gap = text.slice(text.runEnd(first + 1), text.runStart(last));
        boolean parenthesized = text.runStart(first) > 0
                && text.charAt(text.runStart(first) - 1) == '('
                && (areaGap.equals(")") || areaGap.equals(") "));
        return (gap.equals("-") || gap.equals(".") || gap.equals(" ")) && (parenthesized || areaGap.equals(gap));
    }

    /** Three groups shaped like d/m/yyyy, m-d-yy or yyyy-mm-dd. */
    private static boolean looksLikeDate(ScanText text, int first, int last) {
        if (last - first != 2) {
            return false;
        }
        int a = text.runLength(first);
        int b = text.runLength(first + 1);
        int c = text.runLength(last);
        return (a <= 2 && b <= 2 && (c == 2 || c == 4)) || (a == 4 && b <= 2 && c <= 2);
    }
}
