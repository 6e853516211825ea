package dev.arbiter.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a policy: the definition as it was after a change, and who made the change, when and how.
 *
 * @param policyId the policy's UUID
 * @param version 1 at creation, +1 per change
 * @param tenantId owning tenant
 * @param snapshotJson the canonical definition after the change
 * @param changeType {@code created}, {@code updated}, {@code deleted}, {@code rollback}, {@code imported}, ...
 * @param changedBy who made the change, or {@code null}
 * @param changedAt when
 * @param changeSummary a one-line description of the change, or {@code null}
 */
public record PolicyVersion(
        UUID policyId,
        int version,
        String tenantId,
        String snapshotJson,
        String changeType,
        @Nullable String changedBy,
        Instant changedAt,
        @Nullable String changeSummary) {
    public PolicyVersion {
        Objects.requireNonNull(policyId, "policyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(snapshotJson, "snapshotJson");
        Objects.requireNonNull(changeType, "changeType");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
