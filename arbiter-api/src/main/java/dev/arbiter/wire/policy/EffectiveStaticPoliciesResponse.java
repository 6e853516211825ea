package dev.arbiter.wire.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The static policies in force for the caller's tenant: enabled system policies and the tenant's own.
 *
 * @param staticPolicies the policies, highest priority first (wire name {@code static})
 * @param tenantId the tenant
 * @param organizationId the caller's organization, if any
 * @param computedAt when the list was computed
 */
public record EffectiveStaticPoliciesResponse(
        @JsonProperty("static") List<StaticPolicyResource> staticPolicies,
        String tenantId,
        @Nullable String organizationId,
        Instant computedAt) {
    /** Checks required fields and copies the list. */
    public EffectiveStaticPoliciesResponse {
        staticPolicies = List.copyOf(staticPolicies);
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(computedAt, "computedAt");
    }
}
