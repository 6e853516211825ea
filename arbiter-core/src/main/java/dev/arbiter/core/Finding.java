package dev.arbiter.core;

import java.util.Objects;

/**
 * One piece of sensitive content found in a text.
 *
 * @param type what was found
 * @param start index of the first character (inclusive)
 * @param end index after the last character (exclusive)
 * @param confidence 0..1; validators (Luhn, mod-97, Verhoeff) raise it, context words move it
 * @param detail a finer label, e.g. {@code aws_access_key} for a {@link FindingType#SECRET}
 */
public record Finding(FindingType type, int start, int end, double confidence, String detail) {
    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(detail, "detail");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
        }
    }

    /** The found text within the scanned input. */
    public String text(CharSequence input) {
        return input.subSequence(start, end).toString();
    }
}
