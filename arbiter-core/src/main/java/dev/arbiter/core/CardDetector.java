package dev.arbiter.core;

import java.util.List;

/**
 * Payment card numbers: 12 to 19 digits, plain or in groups separated by one kind of separator (space or dash),
 * with a known issuer prefix for the length and a valid Luhn check digit.
 *
 * <p>Twelve-digit numbers are accepted only for Maestro prefixes (Maestro issues 12 to 19 digits), at a lower
 * confidence so that a Verhoeff-valid Aadhaar number of the same shape wins unless card words are nearby. A digit
 * run longer than 19, or a group glued to more digits by a dash, dot or slash, is not a card.
 */
final class CardDetector implements Detector {
    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;

    @Override
    public FindingType type() {
        return FindingType.CREDIT_CARD;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        int[] digits = new int[MAX_DIGITS];
        int runs = text.runCount();
        int k = 0;
        while (k < runs) {
            int last = longestCardFrom(text, k, digits);
            if (last < 0) {
                k++;
                continue;
            }
            int start = text.runStart(k);
            int end = text.runEnd(last);
            int length = digitCount(text, k, last);
            out.add(new Finding(FindingType.CREDIT_CARD, start, end, confidence(text, start, end, length), "card"));
            k = last + 1;
        }
    }

    /** The last run of the longest valid card number that starts at run {@code first}, or -1. */
    private static int longestCardFrom(ScanText text, int first, int[] digits) {
        if (text.runLength(first) > MAX_DIGITS || !text.numberStartsAt(text.runStart(first))) {
            return -1;
        }
        boolean grouped = first + 1 < text.runCount() && text.runStart(first + 1) == text.runEnd(first) + 1;
        if (text.runLength(first) < MIN_DIGITS && !grouped) {
            return -1;
        }
        if (first > 0
                && text.runStart(first) == text.runEnd(first - 1) + 1
                && text.runLength(first - 1) == text.runLength(first)) {
            // Inside a run of equal groups ("1234 5678 9012 3456 7890") only the first group starts a card;
            // trying every group would read each digit up to five times.
            return -1;
        }
        int best = -1;
        int count = 0;
        char separator = 0;
        int run = first;
        while (true) {
            count = append(text, run, digits, count);
            if (count >= MIN_DIGITS
                    && text.numberEndsAt(text.runEnd(run))
                    && CardBrand.of(digits, count) != null
                    && luhn(digits, count)) {
                best = run;
            }
            int end = text.runEnd(run);
            if (run + 1 >= text.runCount() || end >= text.length() || text.runStart(run + 1) != end + 1) {
                return best;
            }
            char c = text.charAt(end);
            boolean joins = (c == ' ' || c == '-') && (separator == 0 || c == separator);
            if (!joins || count + text.runLength(run + 1) > MAX_DIGITS) {
                return best;
            }
            separator = c;
            run++;
        }
    }

    private static int append(ScanText text, int run, int[] digits, int count) {
        for (int i = text.runStart(run); i < text.runEnd(run); i++) {
            digits[count++] = text.charAt(i) - '0';
        }
        return count;
    }

    private static int digitCount(ScanText text, int first, int last) {
        int count = 0;
        for (int run = first; run <= last; run++) {
            count += text.runLength(run);
        }
        return count;
    }

    /** The Luhn (mod 10) check over the first {@code count} digits. */
    static boolean luhn(int[] digits, int count) {
        int sum = 0;
        boolean doubled = false;
        for (int i = count - 1; i >= 0; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static double confidence(ScanText text, int start, int end, int length) {
        double confidence = length == MIN_DIGITS ? 0.55 : 0.85;
        if (text.cueWithin(start - 48, end + 16, Cue.CARD, Cue.CREDIT, Cue.CC, Cue.VISA, Cue.MASTERCARD, Cue.AMEX)) {
            confidence = Detector.adjust(confidence, length == MIN_DIGITS ? 0.3 : 0.1);
        }
        if (text.cueWithin(start - 24, start, Cue.ORDER, Cue.INVOICE, Cue.REF, Cue.TRACKING, Cue.SERIAL)) {
            confidence = Detector.adjust(confidence, -0.4);
        }
        return confidence;
    }
}
