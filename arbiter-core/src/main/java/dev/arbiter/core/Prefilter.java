package dev.arbiter.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A cheap, sound test that a static policy's pattern cannot match a text, so the (comparatively slow) RE2J
 * search can be skipped: RE2J has no DFA and reads tens of megabytes per second, and a check runs some seventy
 * system patterns.
 *
 * <p>Each group lists literals of which at least one must occur (lower-case ASCII, compared case-insensitively);
 * every group must be satisfied. A literal written {@code \bword} must start a word, {@code word\b} must end one. {@code minDigits} asks for a
 * run of at least that many ASCII digits. A prefilter is only ever written next to a pattern it is implied by
 * (tests check the documented examples), so skipping never hides a match. Immutable.
 *
 * @param groups literal groups, all required
 * @param minDigits the shortest digit run a match contains, 0 for no requirement
 */
record Prefilter(List<List<Hint>> groups, int minDigits) {
    static final Prefilter NONE = new Prefilter(List.of(), 0);
    static final int HINT_MARGIN = 400;
    static final int DIGIT_MARGIN = 32;

    /** One literal, optionally anchored at a word start and a word end. */
    record Hint(String literal, boolean wordStart, boolean wordEnd) {
        static Hint parse(String written) {
            boolean start = written.startsWith("\\b");
            boolean end = written.length() > 2 && written.endsWith("\\b");
            String literal = written.substring(start ? 2 : 0, written.length() - (end ? 2 : 0));
            return new Hint(literal.toLowerCase(Locale.ROOT), start, end);
        }

        boolean occursAt(String lower, int at) {
            int end = at + literal.length();
            return (!wordStart || at == 0 || !ScanText.isWordChar(lower.charAt(at - 1)))
                    && (!wordEnd || end == lower.length() || !ScanText.isWordChar(lower.charAt(end)));
        }
    }

    Prefilter {
        groups = groups.stream().map(List::copyOf).toList();
    }

    /** Parses {@code hints} lines ({@code a, \bb}) and a {@code min_digits} value (empty for none). */
    static Prefilter parse(List<String> hintLines, String minDigits) {
        List<List<Hint>> groups = new ArrayList<>();
        for (String line : hintLines) {
            List<Hint> group = Arrays.stream(line.split(","))
                    .map(String::strip)
                    .filter(h -> !h.isEmpty())
                    .map(Hint::parse)
                    .toList();
            if (!group.isEmpty()) {
                groups.add(group);
            }
        }
        return new Prefilter(groups, minDigits.isEmpty() ? 0 : Integer.parseInt(minDigits));
    }

    /** True unless the text certainly cannot match. */
    boolean admits(Subject subject) {
        if (minDigits > 0 && subject.longestDigitRun() < minDigits) {
            return false;
        }
        for (List<Hint> group : groups) {
            if (group.stream().noneMatch(subject::contains)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the pattern may match in an admitted text, as sorted, disjoint {@code [start, end)} pairs: the whole
     * text, or for a long text the merged neighbourhoods of the digit runs or first-group literals.
     */
    List<int[]> windows(Subject subject) {
        String text = subject.text();
        List<int[]> anchors = new ArrayList<>();
        int margin;
        if (minDigits > 0) {
            margin = DIGIT_MARGIN;
            subject.digitRuns(minDigits, anchors);
        } else if (!groups.isEmpty() && text.length() > 4 * HINT_MARGIN) {
            margin = HINT_MARGIN;
            groups.get(0).forEach(hint -> subject.occurrences(hint, anchors));
        } else {
            return List.of(new int[] {0, text.length()});
        }
        anchors.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> windows = new ArrayList<>();
        for (int[] anchor : anchors) {
            int start = Math.max(0, anchor[0] - margin);
            int end = Math.min(text.length(), anchor[1] + margin);
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = Math.max(last[1], end);
            } else {
                windows.add(new int[] {start, end});
            }
        }
        return windows;
    }

    /** A text under check, with its lower-cased copy and longest digit run computed on first use. Not thread-safe. */
    static final class Subject {
        private final String text;
        private String lower;
        private int longestDigitRun = -1;

        Subject(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        /** Adds the {@code [start, end)} of every occurrence of {@code hint}. */
        void occurrences(Hint hint, List<int[]> out) {
            String s = lower();
            for (int at = s.indexOf(hint.literal()); at >= 0; at = s.indexOf(hint.literal(), at + 1)) {
                if (hint.occursAt(s, at)) {
                    out.add(new int[] {at, at + hint.literal().length()});
                }
            }
        }

        /** Adds the {@code [start, end)} of every run of at least {@code min} digits. */
        void digitRuns(int min, List<int[]> out) {
            int i = 0;
            while (i < text.length()) {
                if (!ScanText.isDigit(text.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < text.length() && ScanText.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i - start >= min) {
                    out.add(new int[] {start, i});
                }
            }
        }

        boolean contains(Hint hint) {
            String s = lower();
            int at = s.indexOf(hint.literal());
            while (at >= 0) {
                if (hint.occursAt(s, at)) {
                    return true;
                }
                at = s.indexOf(hint.literal(), at + 1);
            }
            return false;
        }

        int longestDigitRun() {
            if (longestDigitRun < 0) {
                int longest = 0;
                int run = 0;
                for (int i = 0; i < text.length(); i++) {
                    run = ScanText.isDigit(text.charAt(i)) ? run + 1 : 0;
                    longest = Math.max(longest, run);
                }
                longestDigitRun = longest;
            }
            return longestDigitRun;
        }

        /** Lower-cases A-Z only, so indexes stay those of the original text. */
        private String lower() {
            if (lower == null) {
                char[] chars = text.toCharArray();
                for (int i = 0; i < chars.length; i++) {
                    if (chars[i] >= 'A' && chars[i] <= 'Z') {
                        chars[i] = (char) (chars[i] + ('a' - 'A'));
                    }
                }
                lower = new String(chars);
            }
            return lower;
        }
    }
}
