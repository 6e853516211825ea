package dev.arbiter.client.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.wire.policy.PolicyAction;
import dev.arbiter.wire.policy.PolicyCondition;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.SimulateRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The policy request builders: what they send, what they copy, what they refuse. */
class PolicyRequestsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void toDocument_leavesUnsetMembersOut() {
        TenantPolicyRequest request = TenantPolicyRequest.builder("block-shell")
                .when("tool_name", "equals", "shell")
                .action("block", "no shell")
                .build();

        assertThat(request.toDocument())
                .containsOnlyKeys("name", "conditions", "actions")
                .containsEntry(
                        "conditions", List.of(Map.of("field", "tool_name", "operator", "equals", "value", "shell")));
    }

    @Test
    void from_storedPolicy_copiesEveryWritableMember() {
        PolicyResource stored = new PolicyResource(
                "6f1c2a3b-0000-4000-8000-000000000001",
                "block-shell",
                "no shell",
                "content",
                "dynamic-security",
                "tenant",
                List.of(new PolicyCondition("tool_name", "equals", "shell")),
                List.of(new PolicyAction("block", Map.of("reason", "no shell"))),
                10,
                false,
                3,
                "community",
                null,
                List.of("ops"),
                T0,
                T0,
                "ana",
                "bo",
                null,
                "size(tool_name) > 0",
                "shadow");

        TenantPolicyRequest copy = TenantPolicyRequest.from(stored).build();

        assertThat(copy)
                .isEqualTo(new TenantPolicyRequest(
                        "block-shell",
                        "no shell",
                        "content",
                        "dynamic-security",
                        "tenant",
                        stored.conditions(),
                        stored.actions(),
                        10,
                        false,
                        List.of("ops"),
                        "size(tool_name) > 0",
                        "shadow"));
    }

    @Test
    void requests_withoutRequiredMembers_areRefused() {
        assertThatThrownBy(() -> TenantPolicyRequest.builder(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name is required");
        assertThatThrownBy(() -> StaticPolicyRequest.of("n", "", "pii-us", "block"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pattern is required");
        assertThatThrownBy(() -> TenantPolicyQuery.builder().limit(101).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StaticPolicyQuery.builder().page(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulation_collectsTheCandidateAndTheWindow() {
        SimulateRequest request = Simulation.builder()
                .add(TenantPolicyRequest.builder("block-http-post").build())
                .add(Map.of("name", "shorthand", "action", "block"))
                .remove("block-shell")
                .window(T0, T0.plusSeconds(3600))
                .baseline("recorded")
                .limit(500)
                .samples(0)
                .build();

        assertThat(request.policies()).extracting(p -> p.get("name")).containsExactly("block-http-post", "shorthand");
        assertThat(request.remove()).containsExactly("block-shell");
        assertThat(request.from()).isEqualTo(T0);
        assertThat(request.workflowIds()).isNull();
        assertThat(request.limit()).isEqualTo(500);
        assertThat(request.samples()).isZero();
    }

    @Test
    void simulation_invalidBounds_areRefusedBeforeSending() {
        assertThatThrownBy(() -> Simulation.builder().window(T0, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulation.builder().limit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulation.builder().samples(51)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Simulation.builder().remove(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
