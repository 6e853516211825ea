package dev.arbiter.core;

import java.util.Arrays;

/**
 * One text being scanned, with the facts several detectors share, each computed at most once and only when a
 * detector asks: the runs of ASCII digits, and where each {@link Cue} occurs.
 *
 * <p>Detectors look only around these anchors (a card number starts at a digit run, UNION injection at the cue
 * {@code union}), so a scan costs about two passes over the text plus work proportional to the candidates. Not
 * thread-safe: one instance per scan.
 */
final class ScanText {
    private static final int[] NO_HITS = new int[0];

    private final String text;
    private char[] chars;
    private int[] runs = NO_HITS;
    private int runCount = -1;
    private int[][] hits = new int[0][];
    private int[] hitCounts = NO_HITS;
    private boolean cuesScanned;

    private ScanText(String text) {
        this.text = text;
    }

    static ScanText of(CharSequence text) {
        return new ScanText(text.toString());
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char charAt(int index) {
        return chars()[index];
    }

    /** The text between two indexes, clamped to the text. */
    String slice(int from, int to) {
        return text.substring(Math.max(0, from), Math.min(text.length(), to));
    }

    /** The number of maximal runs of ASCII digits. */
    int runCount() {
        if (runCount < 0) {
            findRuns();
        }
        return runCount;
    }

    int runStart(int run) {
        return runs[2 * run];
    }

    int runEnd(int run) {
        return runs[2 * run + 1];
    }

    int runLength(int run) {
        return runs[2 * run + 1] - runs[2 * run];
    }

    /** How often {@code cue} occurs (respecting its word edges). */
    int hitCount(Cue cue) {
        scanCues();
        return hitCounts[cue.ordinal()];
    }

    /** The start of the {@code k}-th occurrence of {@code cue}. */
    int hit(Cue cue, int k) {
        return hits[cue.ordinal()][k];
    }

    /** True when one of {@code cues} starts within {@code [from, to)}. */
    boolean cueWithin(int from, int to, Cue... cues) {
        scanCues();
        for (Cue cue : cues) {
            int count = hitCounts[cue.ordinal()];
            if (count == 0) {
                continue;
            }
            int[] positions = hits[cue.ordinal()];
            int at = Arrays.binarySearch(positions, 0, count, from);
            int index = at >= 0 ? at : -at - 1;
            if (index < count && positions[index] < to) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a number starting at {@code start} is not the tail of a longer number: no letter, digit or
     * underscore before it, no {@code +} (international prefix), and no {@code - . /} that itself follows a digit.
     */
    boolean numberStartsAt(int start) {
        if (start == 0) {
            return true;
        }
        char[] s = chars();
        char before = s[start - 1];
        if (isWordChar(before) || before == '+') {
            return false;
        }
        return !(isNumberJoiner(before) && start >= 2 && isDigit(s[start - 2]));
    }

    /** True when a number ending at {@code end} is not the head of a longer number (the mirror of the above). */
    boolean numberEndsAt(int end) {
        if (end == text.length()) {
            return true;
        }
        char[] s = chars();
        char after = s[end];
        if (isWordChar(after)) {
            return false;
        }
        return !(isNumberJoiner(after) && end + 1 < s.length && isDigit(s[end + 1]));
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Letters and digits of any script, and the underscore: what a word boundary separates. */
    static boolean isWordChar(char c) {
        if (c < 128) {
            return isDigit(c) || isAsciiLetter(c) || c == '_';
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isNumberJoiner(char c) {
        return c == '-' || c == '.' || c == '/';
    }

    /** The characters as an array: the passes over every character run faster on it than through charAt. */
    private char[] chars() {
        if (chars == null) {
            chars = text.toCharArray();
        }
        return chars;
    }

    private void findRuns() {
        int[] found = new int[16];
        int count = 0;
        char[] s = chars();
        int n = s.length;
        int i = 0;
        while (i < n) {
            if (!isDigit(s[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(s[i])) {
                i++;
            }
            if (2 * count + 2 > found.length) {
                found = Arrays.copyOf(found, found.length * 2);
            }
            found[2 * count] = start;
            found[2 * count + 1] = i;
            count++;
        }
        runs = found;
        runCount = count;
    }

    private void scanCues() {
        if (cuesScanned) {
            return;
        }
        cuesScanned = true;
        int cueCount = Cue.values().length;
        hits = new int[cueCount][];
        hitCounts = new int[cueCount];
        CueAutomaton.instance().scan(chars(), this::record);
    }

    private void record(Cue cue, int start) {
        int ordinal = cue.ordinal();
        int[] positions = hits[ordinal];
        int count = hitCounts[ordinal];
        if (positions == null) {
            positions = new int[4];
        } else if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
        }
        positions[count] = start;
        hits[ordinal] = positions;
        hitCounts[ordinal] = count + 1;
    }
}
