package dev.arbiter.core;

import java.util.EnumSet;
import java.util.List;

/** Test shorthand: what one detector, behind the public scanner, reports for a text. */
final class Scans {
    private Scans() {}

    static List<Finding> findings(FindingType type, String text) {
        return ContentScanner.of(EnumSet.of(type)).scan(text);
    }

    /** The matched substrings. */
    static List<String> found(FindingType type, String text) {
        return findings(type, text).stream().map(f -> f.text(text)).toList();
    }

    /** The details of the findings. */
    static List<String> details(FindingType type, String text) {
        return findings(type, text).stream().map(Finding::detail).toList();
    }
}
