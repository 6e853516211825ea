package dev.arbiter.server.policy;

import java.util.Objects;

/**
 * The policy-management services the HTTP layer needs, built once by the composition root.
 *
 * @param dynamic changes to dynamic policies
 * @param queries reads of dynamic policies
 * @param importer bulk import
 * @param tester single-policy tests
 * @param simulator what-if simulation
 * @param staticPolicies changes to static policies
 * @param staticQueries reads of static policies and the pattern test
 */
public record PolicyServices(
        DynamicPolicyService dynamic,
        DynamicPolicyQueries queries,
        PolicyImporter importer,
        PolicyTester tester,
        PolicySimulator simulator,
        StaticPolicyService staticPolicies,
        StaticPolicyQueries staticQueries) {
    public PolicyServices {
        Objects.requireNonNull(dynamic, "dynamic");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(tester, "tester");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(staticPolicies, "staticPolicies");
        Objects.requireNonNull(staticQueries, "staticQueries");
    }
}
