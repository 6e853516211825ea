package dev.arbiter.wire.policy;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/v1/static-policies/test}: the contract's {@code {matched, matches, error}}
 * plus the SDKs' {@code valid}, {@code pattern} and {@code inputs}. An invalid pattern is answered 200 with
 * {@code valid: false} and the compiler's message in {@code error}, as AxonFlow does.
 *
 * @param valid whether the pattern compiles (RE2 syntax)
 * @param pattern the pattern tested
 * @param inputs the inputs tested
 * @param matched whether any input matched
 * @param matches one entry per input
 * @param error why the pattern is invalid
 */
public record PatternTestResponse(
        boolean valid,
        String pattern,
        List<String> inputs,
        boolean matched,
        List<PatternMatch> matches,
        @Nullable String error) {
    /** Checks required fields and copies the lists. */
    public PatternTestResponse {
        Objects.requireNonNull(pattern, "pattern");
        inputs = List.copyOf(inputs);
        matches = List.copyOf(matches);
    }
}
