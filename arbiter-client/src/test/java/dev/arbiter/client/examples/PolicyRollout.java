package dev.arbiter.client.examples;

import dev.arbiter.client.ArbiterClient;
import dev.arbiter.client.TenantPolicies;
import dev.arbiter.client.policy.Simulation;
import dev.arbiter.client.policy.TenantPolicyRequest;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.SimulationReport;

/** Rolls a new policy out safely: simulate it on recorded gates, run it in shadow mode, then enforce it. */
public final class PolicyRollout {
    /** Rolls out "block-http-post" on the Arbiter at the endpoint; returns the policy's id. */
    public static String rollOut(String endpoint) {
        try (ArbiterClient client = ArbiterClient.create(endpoint)) {
            TenantPolicies policies = client.tenantPolicies();
            TenantPolicyRequest.Builder blockPosts = TenantPolicyRequest.builder("block-http-post")
                    .category("dynamic-security")
                    .when("tool_name", "equals", "http_post")
                    .action("block", "no outbound posts");

            // What would it have changed over the last hour of real traffic? Nothing is written.
            SimulationReport report = policies.simulate(
                    Simulation.builder().add(blockPosts.build()).build());
            System.out.println(report.decisionsChanged() + " of " + report.gatesReplayed() + " decisions would change");

            // Shadow first: evaluated and reported at every gate (shadow_matches), never deciding.
            PolicyResource policy = policies.create(blockPosts.mode("shadow").build());
            // Then enforce it; the very next gate uses it. Every change is a version you can roll back to.
            policy = policies.update(
                    policy.id(),
                    TenantPolicyRequest.from(policy).mode("enforce").build());
            return policy.id();
        }
    }
}
