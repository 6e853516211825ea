package dev.arbiter.core;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Locale;

/**
 * Dates of birth, only where a label says so ("DOB", "date of birth", "born on", ...): a bare date is far more
 * often a deadline or a log time stamp than personal data. The date (numeric {@code d/m/y}, {@code m-d-y},
 * {@code y-m-d}, or with a month name) must follow the label within a few filler characters and words.
 */
final class BirthDateDetector implements Detector {
    private static final Cue[] LABELS = {
        Cue.DOB, Cue.DOB_DOTTED, Cue.DATE_OF_BIRTH, Cue.BIRTH_DATE, Cue.BIRTHDATE, Cue.BIRTHDAY, Cue.BORN
    };
    private static final int WINDOW = 64;
    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final List<String> FILLER_WORDS = List.of("is", "was", "on", "of", "date");
    private static final String FILLER_CHARS = ":=-\"'#.,(";
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b");
    private static final Pattern ISO = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})\\b");
    private static final Pattern DAY_MONTH =
            Pattern.compile("(?i)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY =
            Pattern.compile("(?i)" + MONTH + "\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");

    @Override
    public FindingType type() {
        return FindingType.DATE_OF_BIRTH;
    }

    @Override
    public void detect(ScanText text, List<Finding> out) {
        for (Cue label : LABELS) {
            for (int k = 0; k < text.hitCount(label); k++) {
                int from = text.hit(label, k) + label.word().length();
                int start = skipFiller(text.text(), from);
                int length = dateLength(text.slice(start, start + WINDOW));
                if (length > 0) {
                    out.add(new Finding(FindingType.DATE_OF_BIRTH, start, start + length, 0.85, "date_of_birth"));
                }
            }
        }
    }

    /** Skips blanks, punctuation such as {@code :} and the words "is", "was", "on", "of", "date" after a label. */
    private static int skipFiller(String s, int from) {
        int i = from;
        int skipped = 0;
        while (i < s.length() && skipped < 24) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || FILLER_CHARS.indexOf(c) >= 0) {
                i++;
                skipped++;
                continue;
            }
            int word = i;
            while (word < s.length() && ScanText.isAsciiLetter(s.charAt(word))) {
                word++;
            }
            if (word == i || !FILLER_WORDS.contains(s.substring(i, word).toLowerCase(Locale.ROOT))) {
                return i;
            }
            i = word;
            skipped++;
        }
        return i;
    }

    /** The length of a valid date at the start of {@code s}, or 0. Overlapping label hits are deduplicated later. */
    static int dateLength(String s) {
        Matcher m = NUMERIC.matcher(s);
        if (m.lookingAt() && isYear(m.group(3)) && dayMonth(number(m.group(1)), number(m.group(2)))) {
            return m.end();
        }
        m = ISO.matcher(s);
        if (m.lookingAt() && isYear(m.group(1)) && month(number(m.group(2))) && day(number(m.group(3)))) {
            return m.end();
        }
        m = DAY_MONTH.matcher(s);
        if (m.lookingAt() && isYear(m.group(3)) && day(number(m.group(1)))) {
            return m.end();
        }
        m = MONTH_DAY.matcher(s);
        if (m.lookingAt() && isYear(m.group(3)) && day(number(m.group(2)))) {
            return m.end();
        }
        return 0;
    }

    /** Either order of day and month: 31/12 and 12/31 are both dates. */
    private static boolean dayMonth(int a, int b) {
        return (day(a) && month(b)) || (month(a) && day(b));
    }

    private static boolean day(int d) {
        return d >= 1 && d <= 31;
    }

    private static boolean month(int m) {
        return m >= 1 && m <= 12;
    }

    /** A plausible year of birth: two digits, or 1900-2099. */
    private static boolean isYear(String digits) {
        int y = number(digits);
        return digits.length() == 2 || (y >= 1900 && y <= 2099);
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
