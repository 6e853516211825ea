package dev.arbiter.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An Aho-Corasick automaton over every {@link Cue}: one left-to-right pass reports each occurrence of each cue.
 *
 * <p>The automaton is a dense DFA whose table is kept small so its hot rows stay in the L1 cache: characters are
 * mapped to the few classes that occur in cues (upper case shares the lower-case class; every other character,
 * non-ASCII included, is one "other" class), and states are numbered so that "this state reports a cue" is a
 * comparison rather than another memory load. Built once; immutable and thread-safe.
 */
final class CueAutomaton {
    private static final int ASCII = 128;
    private static final Cue[] CUES = Cue.values();
    private static final boolean[] WORD = new boolean[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            WORD[c] = ScanText.isWordChar(c);
        }
    }

    private static final CueAutomaton INSTANCE = new CueAutomaton(List.of(CUES));

    /** Character class of each ASCII character; 0 is "no cue contains it". */
    private final byte[] classes = new byte[ASCII];

    private final int shift;
    /** Next state for {@code (state << shift) | class}. */
    private final char[] next;
    /** States numbered at or above this one report cues. */
    private final int firstReporting;
    /** The cues (ordinals) reported by state {@code firstReporting + i}. */
    private final int[][] reports;

    /** Receives a cue occurrence whose word edges hold: the cue and the index of its first character. */
    interface Sink {
        void hit(Cue cue, int start);
    }

    private CueAutomaton(List<Cue> cues) {
        int classCount = 1;
        for (Cue cue : cues) {
            String word = cue.word();
            if (!word.equals(word.toLowerCase(Locale.ROOT)) || !word.chars().allMatch(c -> c < ASCII)) {
                throw new IllegalStateException("cue must be lower-case ASCII: " + word);
            }
            for (char c : word.toCharArray()) {
                if (classes[c] == 0) {
                    classes[c] = (byte) classCount++;
                }
            }
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            classes[c] = classes[c + ('a' - 'A')];
        }
        int width = Integer.highestOneBit(classCount - 1) << 1;
        shift = Integer.numberOfTrailingZeros(width);
        Trie trie = new Trie(width);
        for (Cue cue : cues) {
            trie.add(cue, classes);
        }
        int[][] delta = trie.complete();
        List<List<Cue>> out = trie.outputs();
        int states = delta.length;
        int[] renumbered = new int[states];
        int quiet = 0;
        for (int s = 0; s < states; s++) {
            if (out.get(s).isEmpty()) {
                renumbered[s] = quiet++;
            }
        }
        firstReporting = quiet;
        reports = new int[states - quiet][];
        int loud = quiet;
        for (int s = 0; s < states; s++) {
            if (!out.get(s).isEmpty()) {
                renumbered[s] = loud;
                reports[loud - quiet] =
                        out.get(s).stream().mapToInt(Cue::ordinal).toArray();
                loud++;
            }
        }
        if (states > Character.MAX_VALUE) {
            throw new IllegalStateException("too many cue states: " + states);
        }
        next = new char[states << shift];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < width; c++) {
                next[(renumbered[s] << shift) | c] = (char) renumbered[delta[s][c]];
            }
        }
    }

    static CueAutomaton instance() {
        return INSTANCE;
    }

    /**
     * Reports every occurrence of every cue in {@code text} whose word edges hold, in order of their last
     * character. The edge test runs here rather than in the sink because raw occurrences are frequent ("or" in
     * "for", "dd" in "address") and most fail it.
     */
    void scan(char[] text, Sink sink) {
        char[] table = next;
        byte[] classOf = classes;
        int n = text.length;
        int state = 0;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            state = table[(state << shift) | (c < ASCII ? classOf[c] : 0)];
            if (state >= firstReporting) {
                report(text, i, reports[state - firstReporting], sink);
            }
        }
    }

    private static void report(char[] text, int last, int[] found, Sink sink) {
        for (int ordinal : found) {
            Cue cue = CUES[ordinal];
            int start = last + 1 - cue.word().length();
            Cue.Edge edge = cue.edge();
            boolean startOk = edge == Cue.Edge.NONE || edge == Cue.Edge.END || start == 0 || !isWord(text[start - 1]);
            boolean endOk = edge == Cue.Edge.NONE
                    || edge == Cue.Edge.START
                    || last + 1 == text.length
                    || !isWord(text[last + 1]);
            if (startOk && endOk) {
                sink.hit(cue, start);
            }
        }
    }

    private static boolean isWord(char c) {
        return c < ASCII ? WORD[c] : ScanText.isWordChar(c);
    }

    /** The keyword trie, completed into a DFA with failure links (textbook Aho-Corasick). */
    private static final class Trie {
        private final int width;
        private final List<int[]> children = new ArrayList<>();
        private final List<List<Cue>> ends = new ArrayList<>();

        Trie(int width) {
            this.width = width;
            newState();
        }

        void add(Cue cue, byte[] classes) {
            int state = 0;
            for (char c : cue.word().toCharArray()) {
                int cls = classes[c];
                if (children.get(state)[cls] < 0) {
                    children.get(state)[cls] = newState();
                }
                state = children.get(state)[cls];
            }
            ends.get(state).add(cue);
        }

        /** The full transition function; also merges each state's outputs with its failure state's. */
        int[][] complete() {
            int states = children.size();
            int[][] delta = new int[states][width];
            int[] fail = new int[states];
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int c = 0; c < width; c++) {
                int child = children.get(0)[c];
                delta[0][c] = Math.max(child, 0);
                if (child > 0) {
                    queue.add(child);
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.poll();
                List<Cue> merged = new ArrayList<>(ends.get(state));
                merged.addAll(ends.get(fail[state]));
                ends.set(state, merged);
                for (int c = 0; c < width; c++) {
                    int child = children.get(state)[c];
                    if (child > 0) {
                        fail[child] = delta[fail[state]][c];
                        delta[state][c] = child;
                        queue.add(child);
                    } else {
                        delta[state][c] = delta[fail[state]][c];
                    }
                }
            }
            return delta;
        }

        List<List<Cue>> outputs() {
            return ends;
        }

        private int newState() {
            int[] row = new int[width];
            Arrays.fill(row, -1);
            children.add(row);
            ends.add(new ArrayList<>());
            return children.size() - 1;
        }
    }
}
