package dev.arbiter.server;

import dev.arbiter.core.ContentScanner;
import java.util.function.Predicate;

/**
 * The PII probe behind {@code step_input.contains_pii}: the core's default content scanner, whose
 * detectors validate what they match (Luhn, mod-97, SSA rules, ...) so that look-alikes such as order
 * numbers do not count. Stateless.
 */
final class PiiProbes {
    private PiiProbes() {}

    static Predicate<CharSequence> defaults() {
        return ContentScanner.defaults()::containsPii;
    }
}
