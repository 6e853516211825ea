package dev.arbiter.wire.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET .../export} (contract §2.1); its {@code policies} can be imported as they are.
 *
 * @param policies the tenant's live policies
 * @param exportedAt when
 * @param tenantId the tenant
 */
public record ExportPoliciesResponse(List<PolicyResource> policies, Instant exportedAt, String tenantId) {
    /** Checks required fields and copies the list. */
    public ExportPoliciesResponse {
        policies = List.copyOf(policies);
        Objects.requireNonNull(exportedAt, "exportedAt");
        Objects.requireNonNull(tenantId, "tenantId");
    }
}
