package dev.arbiter.core;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * The injection families that depend on what precedes a keyword, which an anchored RE2 pattern cannot see:
 * stacked statements ({@code ; DROP TABLE}), a quote closed and the rest commented out ({@code admin'--}), and hex
 * literals used as values ({@code = 0x61646d696e}). Also locates structural risks for {@link SqlInjectionDetector}.
 */
final class SqlFragments {
    private static final Pattern STATEMENT = Pattern.compile(
            "(?i)(?:drop\\s+(?:table|database|schema|view|user|procedure|function|index)\\b|delete\\s+from\\b"
                    + "|update\\s+[\\w.`\"\\[\\]]+\\s+set\\b|insert\\s+into\\b|exec(?:ute)?\\s+[\\w.]+|shutdown\\b"
                    + "|truncate\\s+(?:table\\s+)?[\\w.]+|alter\\s+(?:table|user|database|login)\\b"
                    + "|create\\s+(?:user|login|table|procedure|function)\\b|grant\\s+\\w+)");
    private static final Cue[] STACKABLE = {
        Cue.DROP,
        Cue.DELETE,
        Cue.UPDATE,
        Cue.INSERT,
        Cue.EXEC,
        Cue.SHUTDOWN,
        Cue.TRUNCATE,
        Cue.ALTER,
        Cue.CREATE,
        Cue.GRANT
    };
    private static final Pattern BYPASS_USER = Pattern.compile("(?i)(?:admin|administrator|root|sa|sysadmin)$");
    private static final int MAX_HEX = 256;

    private SqlFragments() {}

    /** A statement keyword right after a {@code ;}: a second statement smuggled into the first. */
    static void findStacked(ScanText text, List<Finding> out) {
        for (Cue cue : STACKABLE) {
            for (int k = 0; k < text.hitCount(cue); k++) {
                int at = text.hit(cue, k);
                int semicolon = previousNonBlank(text.text(), at);
                if (semicolon < 0 || text.charAt(semicolon) != ';') {
                    continue;
                }
                Matcher m = STATEMENT.matcher(text.slice(at, at + 120));
                if (m.lookingAt()) {
                    out.add(new Finding(FindingType.SQL_INJECTION, semicolon, at + m.end(), 0.9, "stacked_query"));
                }
            }
        }
    }

    /** {@code '--}, {@code ' --}, {@code ')--} and {@code '#}: the rest of the query is commented out. */
    static void findCommentedQuote(ScanText text, List<Finding> out) {
        String s = text.text();
        for (int k = 0; k < text.hitCount(Cue.DASH_DASH); k++) {
            int at = text.hit(Cue.DASH_DASH, k);
            commentAfterQuote(s, at, at + 2, out);
        }
        for (int k = 0; k < text.hitCount(Cue.HASH); k++) {
            int at = text.hit(Cue.HASH, k);
            boolean endsLine = at + 1 == s.length() || Character.isWhitespace(s.charAt(at + 1));
            if (endsLine) {
                commentAfterQuote(s, at, at + 1, out);
            }
        }
    }

    private static void commentAfterQuote(String s, int at, int end, List<Finding> out) {
        int i = at - 1;
        while (i >= 0 && at - i <= 16 && (s.charAt(i) == ' ' || s.charAt(i) == ')')) {
            i--;
        }
        if (i < 0 || (s.charAt(i) != '\'' && s.charAt(i) != '"')) {
            return;
        }
        int wordStart = i;
        while (wordStart > 0 && i - wordStart < 32 && ScanText.isWordChar(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        boolean bypass =
                wordStart < i && BYPASS_USER.matcher(s.substring(wordStart, i)).find();
        int start = bypass ? wordStart : i;
        out.add(new Finding(
                FindingType.SQL_INJECTION, start, end, 0.85, bypass ? "admin_bypass" : "comment_injection"));
    }

    /** A hex literal of at least three bytes compared with or passed as a value ({@code =}, {@code (}, {@code ,}). */
    static void findHexLiterals(ScanText text, List<Finding> out) {
        String s = text.text();
        for (int k = 0; k < text.hitCount(Cue.HEX); k++) {
            int at = text.hit(Cue.HEX, k);
            int before = previousNonBlank(s, at);
            if (before < 0 || "=(,".indexOf(s.charAt(before)) < 0) {
                continue;
            }
            int end = at + 2;
            while (end < s.length() && end - at < MAX_HEX && isHex(s.charAt(end))) {
                end++;
            }
            if (end - at - 2 >= 6 && (end == s.length() || !ScanText.isWordChar(s.charAt(end)))) {
                out.add(new Finding(FindingType.SQL_INJECTION, at, end, 0.75, "hex_encoding"));
            }
        }
    }

    /** The span of the keyword carrying {@code risk} and the word after it; the first word when none is found. */
    static int[] locate(ScanText text, SqlStatements.Risk risk) {
        String s = text.text();
        int at = -1;
        if (risk == SqlStatements.Risk.STACKED_QUERIES) {
            // The separator itself: the second statement's own risks (DROP, ...) are reported at their keywords.
            int semicolon = secondStatement(s);
            if (semicolon >= 0) {
                return new int[] {semicolon, semicolon + 1};
            }
        } else if (risk.cue().isPresent() && text.hitCount(risk.cue().get()) > 0) {
            at = text.hit(risk.cue().get(), 0);
        }
        if (at < 0) {
            at = SqlStatements.skipBlanksAndComments(s, 0);
        }
        int end = wordEnd(s, at);
        int next = wordEnd(s, skipBlanks(s, end));
        return new int[] {at, next > end ? next : end};
    }

    /** The {@code ;} that ends the first statement and has another after it (quotes respected), or -1. */
    private static int secondStatement(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';' && SqlStatements.skipBlanksAndComments(s, i + 1) < s.length()) {
                return i;
            }
        }
        return -1;
    }

    private static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && i - from < 40 && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i == from && from < s.length() ? from + 1 : i;
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The last non-blank character before {@code at}, looking back at most 16 characters, or -1. */
    private static int previousNonBlank(String s, int at) {
        int i = at - 1;
        while (i >= 0 && at - i <= 16 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        return i >= 0 && !Character.isWhitespace(s.charAt(i)) ? i : -1;
    }

    private static boolean isHex(char c) {
        return ScanText.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
