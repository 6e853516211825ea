package dev.arbiter.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An Aho-Corasick automaton over every {@link Cue}: one left-to-right pass reports each occurrence of each cue.
 *
 * <p>The automaton is a dense DFA over ASCII (one table lookup per character); upper-case letters share the
 * lower-case transitions, and any non-ASCII character leads back to the root because no cue contains one. Built
 * once; immutable and thread-safe.
 */
final class CueAutomaton {
    private static final int ALPHABET = 128;
    private static final Cue[] CUES = Cue.values();
    private static final CueAutomaton INSTANCE = new CueAutomaton(List.of(CUES));

    private final int[] next;
    private final int[][] outputs;

    /** Receives a cue occurrence: the cue and the index of its first character. */
    interface Sink {
        void hit(Cue cue, int start);
    }

    private CueAutomaton(List<Cue> cues) {
        List<int[]> children = new ArrayList<>();
        List<List<Cue>> ends = new ArrayList<>();
        children.add(newRow());
        ends.add(new ArrayList<>());
        for (Cue cue : cues) {
            String word = cue.word();
            if (!word.equals(word.toLowerCase(Locale.ROOT)) || !word.chars().allMatch(c -> c < ALPHABET)) {
                throw new IllegalStateException("cue must be lower-case ASCII: " + word);
            }
            int state = 0;
            for (int i = 0; i < word.length(); i++) {
                int c = word.charAt(i);
                if (children.get(state)[c] < 0) {
                    children.get(state)[c] = children.size();
                    children.add(newRow());
                    ends.add(new ArrayList<>());
                }
                state = children.get(state)[c];
            }
            ends.get(state).add(cue);
        }
        int states = children.size();
        int[] fail = new int[states];
        next = new int[states * ALPHABET];
        List<List<Cue>> out = new ArrayList<>(ends);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ALPHABET; c++) {
            int child = children.get(0)[c];
            next[c] = Math.max(child, 0);
            if (child > 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            List<Cue> merged = new ArrayList<>(out.get(state));
            merged.addAll(out.get(fail[state]));
            out.set(state, merged);
            for (int c = 0; c < ALPHABET; c++) {
                int child = children.get(state)[c];
                if (child > 0) {
                    fail[child] = next[fail[state] * ALPHABET + c];
                    next[state * ALPHABET + c] = child;
                    queue.add(child);
                } else {
                    next[state * ALPHABET + c] = next[fail[state] * ALPHABET + c];
                }
            }
        }
        for (int state = 0; state < states; state++) {
            for (int c = 'A'; c <= 'Z'; c++) {
                next[state * ALPHABET + c] = next[state * ALPHABET + c + ('a' - 'A')];
            }
        }
        outputs = new int[states][];
        for (int state = 0; state < states; state++) {
            List<Cue> found = out.get(state);
            if (!found.isEmpty()) {
                outputs[state] = found.stream().mapToInt(Cue::ordinal).toArray();
            }
        }
    }

    static CueAutomaton instance() {
        return INSTANCE;
    }

    /** Reports every occurrence of every cue in {@code text}, in order of their last character. */
    void scan(String text, Sink sink) {
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            state = c < ALPHABET ? next[state * ALPHABET + c] : 0;
            int[] found = outputs[state];
            if (found != null) {
                for (int ordinal : found) {
                    Cue cue = CUES[ordinal];
                    sink.hit(cue, i + 1 - cue.word().length());
                }
            }
        }
    }

    private static int[] newRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }
}
