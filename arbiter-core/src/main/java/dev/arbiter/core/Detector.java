package dev.arbiter.core;

import java.util.List;

/**
 * Finds one kind of sensitive content in a text.
 *
 * <p>Implementations are stateless and thread-safe. They look only around the anchors {@link ScanText} provides
 * (digit runs, cue occurrences, single characters such as {@code @}) and run in time linear in the text: every
 * regular expression is RE2J, applied to a bounded window. A detector may report overlapping candidates;
 * {@link ContentScanner} resolves overlaps and drops findings below its confidence threshold.
 */
interface Detector {
    /** The type of every finding this detector reports. */
    FindingType type();

    /** Appends what it finds in {@code text} to {@code out}. */
    void detect(ScanText text, List<Finding> out);

    /** Raises or lowers a base confidence, kept within 0..1 and rounded to two decimals. */
    static double adjust(double confidence, double delta) {
        return Math.max(0, Math.min(1, Math.round((confidence + delta) * 100) / 100.0));
    }
}
