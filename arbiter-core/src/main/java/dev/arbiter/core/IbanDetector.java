package dev.arbiter.core;

import java.util.List;
import java.util.Locale;
import org.apache.commons.validator.routines.IBANValidator;

/**
 * International Bank Account Numbers: a country code, two check digits and the country's BBAN, written compactly
 * or in the printed groups of four separated by single spaces, in either letter case.
 *
 * <p>Candidates start where two letters are followed by a digit run; exactly the country's IBAN length is
 * collected and commons-validator checks the country format and the ISO 7064 mod-97 check digits, which a random
 * string passes about once in a hundred times even before the format check.
 */
final class IbanDetector implements Detector {
    private static final IBANValidator VALIDATOR = IBANValidator.getInstance();

    @Override
    public FindingType type() {
        return FindingType.IBAN;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        String s = text.text();
        int runs = text.runCount();
        int covered = 0;
        for (int k = 0; k < runs; k++) {
            int start = text.runStart(k) - 2;
            if (start < covered || !startsCandidate(s, start)) {
                continue;
            }
            String country = s.substring(start, start + 2).toUpperCase(Locale.ROOT);
            IBANValidator.Validator format = VALIDATOR.getValidator(country);
            if (format == null) {
                continue;
            }
            StringBuilder iban = new StringBuilder(format.getIbanLength());
            int end = collect(s, start, format.getIbanLength(), iban);
            if (end > 0 && VALIDATOR.isValid(iban.toString().toUpperCase(Locale.ROOT))) {
                double confidence = text.cueWithin(start - 48, start, Cue.IBAN) ? 0.95 : 0.9;
                out.add(new Finding(FindingType.IBAN, start, end, confidence, "iban"));
                covered = end;
            }
        }
    }

    private static boolean startsCandidate(String s, int start) {
        return start >= 0
                && ScanText.isAsciiLetter(s.charAt(start))
                && ScanText.isAsciiLetter(s.charAt(start + 1))
                && (start == 0 || !ScanText.isWordChar(s.charAt(start - 1)));
    }

    /**
     * Collects {@code length} letters and digits from {@code start}, allowing one space after each group of four,
     * and returns the end index, or -1 when the text ends early or the number runs on.
     */
    private static int collect(String s, int start, int length, StringBuilder iban) {
        int i = start;
        while (iban.length() < length) {
            if (i >= s.length()) {
                return -1;
            }
            char c = s.charAt(i);
            if (c == ' ' && iban.length() % 4 == 0 && i + 1 < s.length() && isAlnum(s.charAt(i + 1))) {
                i++;
                continue;
            }
            if (!isAlnum(c)) {
                return -1;
            }
            iban.append(c);
            i++;
        }
        return i < s.length() && ScanText.isWordChar(s.charAt(i)) ? -1 : i;
    }

    private static boolean isAlnum(char c) {
        return ScanText.isDigit(c) || ScanText.isAsciiLetter(c);
    }
}
