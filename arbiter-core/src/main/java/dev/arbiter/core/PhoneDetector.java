package dev.arbiter.core;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Telephone numbers, from clusters of digit runs joined by telephone punctuation:
 *
 * <ul>
 *   <li>international {@code +cc} numbers of a length possible for their country (libphonenumber);
 *   <li>North American numbers written {@code ddd-ddd-dddd}, {@code ddd.ddd.dddd}, {@code ddd ddd dddd} or
 *       {@code (ddd) ddd-dddd}, optionally after {@code 1}: the shape alone says "telephone";
 *   <li>ten or eleven bare digits only when libphonenumber says they are a valid US number;
 *   <li>other numbers with a telephone's grouping only when labelled: a phone word ("phone", "call", "fax", ...)
 *       before them, or "office", "fax", "mobile", ... right after them.
 * </ul>
 *
 * <p>An extension ({@code x123}, {@code ext. 123}) belongs to the number. libphonenumber costs tens of
 * microseconds per call, so it only sees {@code +cc} candidates and bare ten-digit runs that pass the North
 * American numbering rules (area code and exchange start with 2-9).
 */
final class PhoneDetector implements Detector {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
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
            if (digits >= 7 && digits <= 17) {
                inspect(text, first, last, digits, out);
            }
        }
    }

    private static void inspect(ScanText text, int first, int last, int digits, List<Finding> out) {
        int start = clusterStart(text, text.runStart(first));
        int end = withExtension(text, text.runEnd(last));
        if (!bounded(text, start, end)) {
            return;
        }
        if (text.charAt(start) == '+') {
            if (digits >= 8 && isPossible(text.slice(start, end))) {
                out.add(phone(text, start, end, 0.6));
            }
        } else if (isNanpShaped(text, first, last)) {
            out.add(phone(text, start, end, 0.6));
        } else if (first == last && isValidUs(text, text.runStart(first), text.runEnd(last))) {
            out.add(phone(text, start, end, 0.7));
        } else if (digits <= 15 && last > first && shapedLikePhone(text, first, last) && hasContext(text, start, end)) {
            out.add(new Finding(FindingType.PHONE, start, end, 0.6, "phone"));
        }
    }

    private static Finding phone(ScanText text, int start, int end, double confidence) {
        double adjusted = hasContext(text, start, end) ? Detector.adjust(confidence, 0.2) : confidence;
        return new Finding(FindingType.PHONE, start, end, adjusted, "phone");
    }

    /** A phone word shortly before the number, or a label such as "fax" or "office" right after it. */
    private static boolean hasContext(ScanText text, int start, int end) {
        return text.cueWithin(start - 40, start, PHONE_WORDS)
                || text.cueWithin(end, end + 12, PHONE_WORDS)
                || text.cueWithin(end, end + 12, Cue.OFFICE);
    }

    private static boolean isPossible(String candidate) {
        try {
            return UTIL.isPossibleNumber(UTIL.parse(candidate, "US"));
        } catch (NumberParseException notANumber) {
            return false;
        }
    }

    /** Ten digits, or eleven after a 1, following the NANP rules and valid for libphonenumber. */
    private static boolean isValidUs(ScanText text, int start, int end) {
        int length = end - start;
        int national = length == 11 && text.charAt(start) == '1' ? start + 1 : start;
        if (end - national != 10 || text.charAt(national) < '2' || text.charAt(national + 3) < '2') {
            return false;
        }
        try {
            PhoneNumber number = UTIL.parse(text.slice(start, end), "US");
            return UTIL.isValidNumber(number);
        } catch (NumberParseException notANumber) {
            return false;
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

    /** The end of an extension ({@code x123}, {@code ext. 123}, {@code extension 123}) after {@code end}, or end. */
    private static int withExtension(ScanText text, int end) {
        String s = text.text();
        int i = end < s.length() && s.charAt(end) == ' ' ? end + 1 : end;
        int marker = s.regionMatches(true, i, "extension", 0, 9)
                ? 9
                : s.regionMatches(true, i, "ext", 0, 3) ? 3 : s.regionMatches(true, i, "x", 0, 1) ? 1 : 0;
        if (marker == 0) {
            return end;
        }
        i += marker;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (digits < s.length() && digits - i < 6 && ScanText.isDigit(s.charAt(digits))) {
            digits++;
        }
        return digits > i && (digits == s.length() || !ScanText.isWordChar(s.charAt(digits))) ? digits : end;
    }

    private static boolean bounded(ScanText text, int start, int end) {
        boolean before = start == 0 || !ScanText.isWordChar(text.charAt(start - 1));
        return before && text.numberEndsAt(end);
    }

    /**
     * {@code ddd-ddd-dddd}, {@code ddd.ddd.dddd}, {@code ddd ddd dddd} or {@code (ddd) ddd-dddd}, optionally after a
     * {@code 1} and the same separator.
     */
    private static boolean isNanpShaped(ScanText text, int first, int last) {
        int area = last - 2;
        if (area < first
                || area > first + 1
                || text.runLength(area) != 3
                || text.runLength(area + 1) != 3
                || text.runLength(last) != 4) {
            return false;
        }
        String areaGap = text.slice(text.runEnd(area), text.runStart(area + 1));
        String gap = text.slice(text.runEnd(area + 1), text.runStart(last));
        boolean separated = gap.equals("-") || gap.equals(".") || gap.equals(" ");
        boolean parenthesized = text.runStart(area) > 0
                && text.charAt(text.runStart(area) - 1) == '('
                && (areaGap.equals(")") || areaGap.equals(") "));
        if (area > first) {
            String countryGap = text.slice(text.runEnd(first), text.runStart(area));
            boolean country = text.runLength(first) == 1 && text.charAt(text.runStart(first)) == '1';
            return country && separated && countryGap.equals(gap) && areaGap.equals(gap);
        }
        return separated && (parenthesized || areaGap.equals(gap));
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
