package dev.arbiter.core;

import java.util.List;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;

/**
 * India's Aadhaar numbers: 12 digits, plain or grouped 4-4-4 by spaces or dashes, first digit 2-9, Verhoeff check
 * digit valid, and not a palindrome (UIDAI's rules, as in Presidio's recognizer).
 */
final class AadhaarDetector implements Detector {
    @Override
    public FindingType type() {
        return FindingType.AADHAAR;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        int runs = text.runCount();
        for (int k = 0; k < runs; k++) {
            int last = groupEnd(text, k);
            if (last < 0) {
                continue;
            }
            int start = text.runStart(k);
            int end = text.runEnd(last);
            if (!text.numberStartsAt(start) || !text.numberEndsAt(end)) {
                continue;
            }
            String digits = digits(text, k, last);
            if (isValid(digits)) {
                out.add(new Finding(FindingType.AADHAAR, start, end, confidence(text, start, end), "aadhaar"));
            }
        }
    }

    /** The last run of a 12-digit or 4-4-4 group starting at run {@code k}, or -1. */
    private static int groupEnd(ScanText text, int k) {
        if (text.runLength(k) == 12) {
            return k;
        }
        if (k + 2 >= text.runCount()
                || text.runLength(k) != 4
                || text.runLength(k + 1) != 4
                || text.runLength(k + 2) != 4) {
            return -1;
        }
        char separator = text.charAt(text.runEnd(k));
        boolean grouped = (separator == ' ' || separator == '-')
                && text.runStart(k + 1) == text.runEnd(k) + 1
                && text.charAt(text.runEnd(k + 1)) == separator
                && text.runStart(k + 2) == text.runEnd(k + 1) + 1;
        return grouped ? k + 2 : -1;
    }

    static boolean isValid(String digits) {
        if (digits.length() != 12 || digits.charAt(0) < '2') {
            return false;
        }
        if (new StringBuilder(digits).reverse().toString().equals(digits)) {
            return false;
        }
        return VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(digits);
    }

    private static String digits(ScanText text, int first, int last) {
        StringBuilder digits = new StringBuilder(12);
        for (int run = first; run <= last; run++) {
            digits.append(text.text(), text.runStart(run), text.runEnd(run));
        }
        return digits.toString();
    }

    private static double confidence(ScanText text, int start, int end) {
        double confidence = 0.7;
        if (text.cueWithin(start - 48, end + 16, Cue.AADHAAR, Cue.AADHAR, Cue.UIDAI, Cue.UID)) {
            confidence = Detector.adjust(confidence, 0.2);
        }
        if (text.cueWithin(start - 24, start, Cue.ORDER, Cue.INVOICE, Cue.REF, Cue.TRACKING, Cue.SERIAL)) {
            confidence = Detector.adjust(confidence, -0.4);
        }
        return confidence;
    }
}
