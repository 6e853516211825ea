package dev.arbiter.wire.policy;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an import did with one policy (Arbiter's addition to the contract's counts).
 *
 * @param name the policy's name
 * @param id the policy's id, when it exists after the import
 * @param result {@code created}, {@code updated}, {@code unchanged} or {@code skipped}
 * @param changes what changed, one entry per field (e.g. {@code priority: 10 -> 20}); empty unless updated
 */
public record ImportResult(String name, @Nullable String id, String result, java.util.List<String> changes) {
    /** Checks required fields and copies the changes. */
    public ImportResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
        changes = java.util.List.copyOf(changes);
    }
}
