package dev.arbiter.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored policy as the management API shows it: the row, plus who made its current version.
 *
 * @param stored the policy row ({@code deletedAt} set when it was deleted)
 * @param updatedBy who made the current version, or {@code null}
 */
public record ManagedPolicy(StoredPolicy stored, @Nullable String updatedBy) {
    public ManagedPolicy {
        Objects.requireNonNull(stored, "stored");
    }

    /** True when the policy has been deleted (it is kept for its history and a rollback). */
    public boolean isDeleted() {
        return stored.deletedAt() != null;
    }
}
