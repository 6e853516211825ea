package dev.arbiter.core;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.function.Predicate;

/**
 * A regular expression tried only where its cue occurs: anchored at the cue's first character and applied to a
 * bounded window, so its cost depends on how often the cue occurs, never on the text length.
 *
 * @param cue where to try
 * @param pattern RE2J, matched with {@code lookingAt}; group 1, when present, is the reported span
 * @param detail the finding's detail
 * @param accept a further check of a match that the pattern cannot express (RE2 has no back-references)
 * @param token whether the match must not run on into a word character (credentials, which are whole tokens)
 */
record CuePattern(Cue cue, Pattern pattern, String detail, Predicate<Matcher> accept, boolean token) {
    private static final int WINDOW = 320;

    static CuePattern of(Cue cue, String regex, String detail) {
        return new CuePattern(cue, Pattern.compile(regex), detail, m -> true, false);
    }

    static CuePattern of(Cue cue, String regex, String detail, Predicate<Matcher> accept) {
        return new CuePattern(cue, Pattern.compile(regex), detail, accept, false);
    }

    /** A whole-token pattern: a match followed by more letters or digits is something else. */
    static CuePattern token(Cue cue, String regex, String detail) {
        return new CuePattern(cue, Pattern.compile(regex), detail, m -> true, true);
    }

    /** Reports a finding for each cue occurrence where the pattern matches (and, for tokens, ends the token). */
    static void findAll(
            ScanText text, List<CuePattern> patterns, FindingType type, double confidence, List<Finding> out) {
        for (CuePattern p : patterns) {
            int covered = -1;
            for (int k = 0; k < text.hitCount(p.cue()); k++) {
                int at = text.hit(p.cue(), k);
                if (at < covered) {
                    continue;
                }
                Matcher m = p.pattern().matcher(text.slice(at, at + WINDOW));
                if (!m.lookingAt() || !p.accept().test(m)) {
                    continue;
                }
                boolean grouped = m.groupCount() > 0 && m.start(1) >= 0;
                int start = at + (grouped ? m.start(1) : 0);
                int end = at + (grouped ? m.end(1) : m.end());
                if (end > start && !(p.token() && end < text.length() && endsInsideWord(text, end))) {
                    out.add(new Finding(type, start, end, confidence, p.detail()));
                    covered = at + m.end();
                }
            }
        }
    }

    private static boolean endsInsideWord(ScanText text, int end) {
        return ScanText.isWordChar(text.charAt(end - 1)) && ScanText.isWordChar(text.charAt(end));
    }
}
