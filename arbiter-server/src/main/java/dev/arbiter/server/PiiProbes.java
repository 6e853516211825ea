package dev.arbiter.server;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PII probe behind {@code step_input.contains_pii}.
 *
 * <p>Until the core's content scanner is merged, this recognises the three kinds of PII the seeds
 * show — US SSNs (with the SSA's area and group rules), payment card numbers (Luhn-checked) and
 * e-mail addresses — validating each candidate so that order numbers and the like do not count.
 * Patterns use only bounded, non-nested quantifiers, so scanning is linear in the input. Stateless.
 */
final class PiiProbes {
    private static final Pattern SSN = Pattern.compile("(?<!\\d)(\\d{3})[- ](\\d{2})[- ](\\d{4})(?!\\d)");
    private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}");

    private PiiProbes() {}

    static Predicate<CharSequence> defaults() {
        return PiiProbes::containsPii;
    }

    static boolean containsPii(CharSequence text) {
        return hasSsn(text) || hasCard(text) || EMAIL.matcher(text).find();
    }

    private static boolean hasSsn(CharSequence text) {
        Matcher m = SSN.matcher(text);
        while (m.find()) {
            int area = Integer.parseInt(m.group(1));
            boolean validArea = area != 0 && area != 666 && area < 900;
            if (validArea && !m.group(2).equals("00") && !m.group(3).equals("0000")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCard(CharSequence text) {
        Matcher m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
