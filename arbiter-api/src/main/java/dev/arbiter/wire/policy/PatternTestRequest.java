package dev.arbiter.wire.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /api/v1/static-policies/test} (contract §2.5): a pattern and the inputs to try it on.
 *
 * @param pattern the RE2 pattern, required
 * @param inputs the inputs
 * @param input a single input, for old clients
 */
public record PatternTestRequest(
        @Nullable String pattern,
        @Nullable List<String> inputs,
        @Nullable String input) {
    /** Copies the inputs. */
    public PatternTestRequest {
        inputs = inputs == null ? null : List.copyOf(inputs);
    }
}
