package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One version of a dynamic policy (contract §2.1): the policy as it was after a change, and the change.
 *
 * @param version the version number
 * @param snapshot the policy as of this version
 * @param changedBy who
 * @param changedAt when
 * @param changeType {@code created}, {@code updated}, {@code deleted}, {@code rollback}, {@code imported}
 * @param changeSummary one line describing the change
 */
public record PolicyVersionEntry(
        int version,
        PolicyResource snapshot,
        @Nullable String changedBy,
        Instant changedAt,
        String changeType,
        @Nullable String changeSummary) {
    /** Checks required fields. */
    public PolicyVersionEntry {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(changeType, "changeType");
    }
}
