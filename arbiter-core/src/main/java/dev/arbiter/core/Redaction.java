package dev.arbiter.core;

import java.util.List;
import java.util.Objects;

/**
 * A text with its sensitive parts replaced, and what was replaced.
 *
 * @param text the redacted text
 * @param findings the replaced findings, sorted by start, with spans in the <em>original</em> text
 */
public record Redaction(String text, List<Finding> findings) {
    public Redaction {
        Objects.requireNonNull(text, "text");
        findings = List.copyOf(findings);
    }

    /** True when something was replaced. */
    public boolean isRedacted() {
        return !findings.isEmpty();
    }
}
