package dev.arbiter.wire.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST .../import} (contract §2.1): counts, plus Arbiter's per-policy results.
 *
 * @param created new policies
 * @param updated policies replaced by a new version
 * @param skipped existing policies left alone in {@code skip} mode
 * @param errors problems, omitted when there were none (an import with errors writes nothing)
 * @param unchanged policies in {@code overwrite} mode that were already identical
 * @param results one entry per imported policy, in the order sent
 */
public record ImportPoliciesResponse(
        int created,
        int updated,
        int skipped,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<String> errors,

        int unchanged,
        List<ImportResult> results) {
    /** Copies the lists. */
    public ImportPoliciesResponse {
        errors = errors == null ? null : List.copyOf(errors);
        results = List.copyOf(results);
    }
}
