package dev.arbiter.core;

import java.util.List;
import java.util.Locale;

/**
 * Finds injected boolean conditions in text that is not a whole SQL statement: {@code ' OR '1'='1},
 * {@code 5 OR 1=1}, {@code ' OR 1--}, {@code 1 AND 1=0}. A hand-written scanner, because RE2 cannot say "the
 * same literal on both sides".
 *
 * <p>Only an {@code OR}/{@code AND} right after a quote, a digit or a closing parenthesis counts: that is where an
 * injected condition starts, and it keeps prose ("one or two = three") out.
 */
final class SqlTautology {
    private static final int MAX_LITERAL = 32;

    private SqlTautology() {}

    static void find(ScanText text, List<Finding> out) {
        for (int k = 0; k < text.hitCount(Cue.OR); k++) {
            check(text, text.hit(Cue.OR, k), 2, true, out);
        }
        for (int k = 0; k < text.hitCount(Cue.AND); k++) {
            check(text, text.hit(Cue.AND, k), 3, false, out);
        }
    }

    private static void check(ScanText text, int at, int keywordLength, boolean or, List<Finding> out) {
        String s = text.text();
        if (!followsValue(s, at)) {
            return;
        }
        int i = skipSpaces(s, at + keywordLength);
        if (i == at + keywordLength) {
            return;
        }
        Literal left = Literal.read(s, i);
        if (left == null) {
            return;
        }
        int j = skipSpaces(s, left.end());
        int operatorEnd = operatorEnd(s, j);
        if (operatorEnd < 0) {
            boolean bareTrue = or && left.isTruthy() && endsCondition(s, j);
            if (bareTrue) {
                out.add(new Finding(FindingType.SQL_INJECTION, at, left.end(), 0.85, "or_true"));
            }
            return;
        }
        Literal right = Literal.read(s, skipSpaces(s, operatorEnd));
        if (right == null) {
            return;
        }
        boolean equal = left.value().equals(right.value());
        if (or && equal) {
            out.add(new Finding(FindingType.SQL_INJECTION, at, right.end(), 0.9, "or_true"));
        } else if (!or && !equal) {
            out.add(new Finding(FindingType.SQL_INJECTION, at, right.end(), 0.85, "and_false"));
        }
    }

    /** The character before the keyword (ignoring spaces) ends a value: a quote, a digit or {@code )}. */
    private static boolean followsValue(String s, int at) {
        int i = at - 1;
        while (i >= 0 && at - i <= 16 && s.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || i == at - 1) {
            return false;
        }
        char c = s.charAt(i);
        return c == '\'' || c == '"' || c == ')' || ScanText.isDigit(c);
    }

    /** The end of {@code =}, {@code ==} or {@code LIKE} at {@code i}, or -1. */
    private static int operatorEnd(String s, int i) {
        if (i < s.length() && s.charAt(i) == '=') {
            return i + 1 < s.length() && s.charAt(i + 1) == '=' ? i + 2 : i + 1;
        }
        if (s.regionMatches(true, i, "like", 0, 4) && i + 4 < s.length() && !ScanText.isWordChar(s.charAt(i + 4))) {
            return i + 4;
        }
        return -1;
    }

    /** End of text, a comment, a closing parenthesis or a statement end. */
    private static boolean endsCondition(String s, int i) {
        return i >= s.length()
                || s.startsWith("--", i)
                || s.charAt(i) == '#'
                || s.charAt(i) == ')'
                || s.charAt(i) == ';'
                || s.startsWith("/*", i);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * A number, {@code true}, or a quoted string. The closing quote may be missing at the end of the injected
     * text, where the application's query supplies it ({@code ' OR 'a'='a}).
     */
    private record Literal(String value, int end) {
        static Literal read(String s, int i) {
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < s.length() && j - i <= MAX_LITERAL && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == c) {
                    return new Literal(s.substring(i + 1, j), j + 1);
                }
                int word = i + 1;
                while (word < s.length() && word - i <= MAX_LITERAL && ScanText.isWordChar(s.charAt(word))) {
                    word++;
                }
                boolean unterminatedAtEnd = word > i + 1 && endsCondition(s, skipSpaces(s, word));
                return unterminatedAtEnd ? new Literal(s.substring(i + 1, word), word) : null;
            }
            int j = i;
            while (j < s.length() && j - i <= MAX_LITERAL && (ScanText.isDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                j++;
            }
            if (j > i && (j == s.length() || !ScanText.isWordChar(s.charAt(j)))) {
                return new Literal(s.substring(i, j), j);
            }
            if (s.regionMatches(true, i, "true", 0, 4)
                    && (i + 4 == s.length() || !ScanText.isWordChar(s.charAt(i + 4)))) {
                return new Literal("true", i + 4);
            }
            return null;
        }

        boolean isTruthy() {
            return value.toLowerCase(Locale.ROOT).equals("true")
                    || (!value.isEmpty() && value.chars().anyMatch(c -> c >= '1' && c <= '9'));
        }
    }
}
