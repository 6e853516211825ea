package dev.arbiter.server;

import dev.arbiter.core.ContentScanner;
import java.util.function.Predicate;

/**
 * The PII probe behind {@code step_input.contains_pii}: the core's default content scanner, which
 * validates candidates (Luhn, mod-97, SSN rules, ...) to keep false positives out of gate decisions.
 */
final class PiiProbes {
    private PiiProbes() {}

    static Predicate<CharSequence> defaults() {
        ContentScanner scanner = ContentScanner.defaults();
        return scanner::containsPii;
    }
}
