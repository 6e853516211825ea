package dev.arbiter.wire.policy;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST .../{id}/rollback}: restore {@code version} as a new version.
 *
 * @param version the version to restore, at least 1
 * @param reason why, recorded in the new version's summary
 */
public record RollbackRequest(int version, @Nullable String reason) {
    /** Checks the version. */
    public RollbackRequest {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
    }
}
