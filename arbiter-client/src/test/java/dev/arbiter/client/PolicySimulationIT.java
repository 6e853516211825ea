package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.arbiter.client.policy.Simulation;
import dev.arbiter.client.policy.TenantPolicyRequest;
import dev.arbiter.wire.policy.DecisionTransition;
import dev.arbiter.wire.policy.PolicyImpact;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.SimulationReport;
import dev.arbiter.wire.policy.SimulationSample;
import dev.arbiter.wire.workflow.StepGateResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code tenantPolicies().simulate(...)} replaying gates the real server recorded. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicySimulationIT {
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String post = "http_post_" + suffix;
    private final String shell = "shell_" + suffix;
    private RealServer server;
    private ArbiterClient client;
    private PolicyResource blockShell;
    private String workflowId;

    @BeforeAll
    void recordGates() {
        server = RealServer.community();
        client = ArbiterClient.create(server.endpoint());
        blockShell = client.tenantPolicies().create(block("block-shell-" + suffix, shell));
        workflowId = client.createWorkflow("simulated", WorkflowSource.EXTERNAL).workflowId();
        assertThat(gate("step-1", post).isAllowed()).isTrue();
        assertThat(gate("step-2", post).isAllowed()).isTrue();
        assertThat(gate("step-3", shell).isBlocked()).isTrue();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void simulate_addAndRemove_reportsEveryChangedDecisionByPolicy() {
        TenantPolicyRequest blockPost = block("block-http-post-" + suffix, post);

        SimulationReport report = client.tenantPolicies()
                .simulate(Simulation.builder()
                        .add(blockPost)
                        .remove(blockShell.name())
                        .workflow(workflowId)
                        .samples(10)
                        .build());

        assertThat(report.baseline()).isEqualTo("current");
        assertThat(report.gatesReplayed()).isEqualTo(3);
        assertThat(report.limited()).isFalse();
        assertThat(report.decisionsChanged()).isEqualTo(3);
        assertThat(report.transitions())
                .extracting(DecisionTransition::from, DecisionTransition::to, DecisionTransition::count)
                .containsExactly(tuple("allow", "block", 2), tuple("block", "allow", 1));
        assertThat(report.added()).containsExactly("new:" + blockPost.name());
        assertThat(report.removed()).containsExactly(blockShell.id());
        assertThat(report.policies())
                .extracting(PolicyImpact::policyName, PolicyImpact::change, PolicyImpact::decisionsChanged)
                .containsExactlyInAnyOrder(tuple(blockPost.name(), "added", 2), tuple(blockShell.name(), "removed", 1));
        assertThat(report.samples())
                .extracting(SimulationSample::stepId)
                .containsExactlyInAnyOrder("step-1", "step-2", "step-3");
        assertThat(report.samples()).allSatisfy(s -> assertThat(s.workflowId()).isEqualTo(workflowId));
    }

    @Test
    void simulate_noCandidate_changesNothing() {
        SimulationReport report = client.tenantPolicies()
                .simulateAsync(Simulation.builder().workflow(workflowId).build())
                .join();

        assertThat(report.gatesReplayed()).isEqualTo(3);
        assertThat(report.decisionsChanged()).isZero();
        assertThat(report.transitions()).isEmpty();
        assertThat(report.added()).isEmpty();
    }

    @Test
    void simulate_windowBeforeTheGates_replaysNothing() {
        SimulationReport report = client.tenantPolicies()
                .simulate(Simulation.builder()
                        .add(block("block-everything-" + suffix, post))
                        .window(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T01:00:00Z"))
                        .build());

        assertThat(report.gatesReplayed()).isZero();
        assertThat(report.from()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void simulate_unknownPolicyAndInvalidOperator_throwsValidationWithPointers() {
        var invalid = Simulation.builder()
                .add(Map.of("name", "typo", "conditions", Map.of("tool_name", "x"), "action", "blok"))
                .remove("no-such-policy-" + suffix)
                .workflow(workflowId)
                .build();

        assertThatThrownBy(() -> client.tenantPolicies().simulate(invalid))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("validation_error");
                    assertThat(e.fieldErrors())
                            .extracting(ValidationException.FieldError::field)
                            .contains("remove[0]")
                            .anySatisfy(field -> assertThat(field).startsWith("policies[0]"));
                });
    }

    private StepGateResponse gate(String stepId, String tool) {
        return client.stepGate(
                workflowId,
                stepId,
                Requests.stepGate("tools/" + tool, StepType.TOOL_CALL)
                        .tool(tool, "function", Map.of("url", "https://example.org"))
                        .build());
    }

    private static TenantPolicyRequest block(String name, String tool) {
        return TenantPolicyRequest.builder(name)
                .category("dynamic-security")
                .when("tool_name", "equals", tool)
                .action("block", "not " + tool)
                .build();
    }
}
