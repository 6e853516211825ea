package dev.arbiter.core;

import java.util.List;

/**
 * US Social Security numbers written {@code ddd-dd-dddd} or {@code ddd dd dddd}.
 *
 * <p>The separator is required and must be the same twice (AxonFlow migration 063 made it mandatory: bare nine-digit
 * runs are mostly not SSNs). The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000, and a number of
 * one repeated digit is a placeholder. "SSN" or "social security" nearby raises the confidence; "order", "invoice"
 * and the like lower it below the reporting threshold.
 */
final class SsnDetector implements Detector {
    private static final double BASE = 0.6;

    @Override
    public FindingType type() {
        return FindingType.US_SSN;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        int runs = text.runCount();
        for (int k = 0; k + 2 < runs; k++) {
            if (text.runLength(k) != 3 || text.runLength(k + 1) != 2 || text.runLength(k + 2) != 4) {
                continue;
            }
            int start = text.runStart(k);
            int end = text.runEnd(k + 2);
            char separator = text.charAt(text.runEnd(k));
            if ((separator != '-' && separator != ' ')
                    || text.runStart(k + 1) != text.runEnd(k) + 1
                    || text.charAt(text.runEnd(k + 1)) != separator
                    || text.runStart(k + 2) != text.runEnd(k + 1) + 1) {
                continue;
            }
            if (!text.numberStartsAt(start) || !text.numberEndsAt(end)) {
                continue;
            }
            String s = text.text();
            if (!isValid(s, start)) {
                continue;
            }
            out.add(new Finding(FindingType.US_SSN, start, end, confidence(text, start, end), "us_ssn"));
        }
    }

    /** Area, group and serial rules of the SSA; {@code start} is the first digit of {@code ddd?dd?dddd}. */
    static boolean isValid(String s, int start) {
        int area = number(s, start, 3);
        int group = number(s, start + 4, 2);
        int serial = number(s, start + 7, 4);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        char first = s.charAt(start);
        for (int i = start; i < start + 11; i++) {
            char c = s.charAt(i);
            if (ScanText.isDigit(c) && c != first) {
                return true;
            }
        }
        return false;
    }

    private static double confidence(ScanText text, int start, int end) {
        double confidence = BASE;
        if (text.cueWithin(start - 48, end + 24, Cue.SSN, Cue.SOCIAL_SECURITY)) {
            confidence = Detector.adjust(confidence, 0.25);
        }
        if (text.cueWithin(start - 24, start, Cue.ORDER, Cue.INVOICE, Cue.REF, Cue.TRACKING, Cue.SERIAL)) {
            confidence = Detector.adjust(confidence, -0.4);
        }
        return confidence;
    }

    private static int number(String s, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
