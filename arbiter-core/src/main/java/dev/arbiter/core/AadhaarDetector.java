package dev.arbiter.core;

import java.util.List;

/**
 * India's Aadhaar numbers: 12 digits, plain or grouped 4-4-4 by spaces or dashes, first digit 2-9, Verhoeff check
 * digit valid, and not a palindrome (UIDAI's rules, as in Presidio's recognizer). A 4-4-4 group that continues
 * into more spaced digits is part of something longer and not reported.
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
            if (!text.numberStartsAt(start) || !text.numberEndsAt(end) || partOfLongerGroup(text, start, end)) {
                continue;
            }
            if (isValid(text.text(), start, end)) {
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

    /** Spaced groups continue before or after: "1234 5678 9012 3456" holds no Aadhaar number. */
    private static boolean partOfLongerGroup(ScanText text, int start, int end) {
        String s = text.text();
        boolean before = start >= 2 && s.charAt(start - 1) == ' ' && ScanText.isDigit(s.charAt(start - 2));
        boolean after = end + 1 < s.length() && s.charAt(end) == ' ' && ScanText.isDigit(s.charAt(end + 1));
        return before || after;
    }

    /** The UIDAI rules over the digits in {@code [start, end)}, separators skipped. */
    static boolean isValid(String s, int start, int end) {
        int[] digits = new int[12];
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (ScanText.isDigit(c)) {
                if (count == 12) {
                    return false;
                }
                digits[count++] = c - '0';
            }
        }
        if (count != 12 || digits[0] < 2 || isPalindrome(digits)) {
            return false;
        }
        return Verhoeff.isValid(digits);
    }

    private static boolean isPalindrome(int[] digits) {
        for (int i = 0, j = digits.length - 1; i < j; i++, j--) {
            if (digits[i] != digits[j]) {
                return false;
            }
        }
        return true;
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
