package dev.arbiter.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.arbiter.wire.policy.DecisionTransition;
import dev.arbiter.wire.policy.ImportPoliciesResponse;
import dev.arbiter.wire.policy.ImportResult;
import dev.arbiter.wire.policy.OverwriteMode;
import dev.arbiter.wire.policy.Pagination;
import dev.arbiter.wire.policy.PatternMatch;
import dev.arbiter.wire.policy.PatternTestResponse;
import dev.arbiter.wire.policy.PolicyAction;
import dev.arbiter.wire.policy.PolicyCondition;
import dev.arbiter.wire.policy.PolicyErrorResponse;
import dev.arbiter.wire.policy.PolicyImpact;
import dev.arbiter.wire.policy.PolicyListResponse;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.PolicyVersionEntry;
import dev.arbiter.wire.policy.PolicyVersionsResponse;
import dev.arbiter.wire.policy.RollbackRequest;
import dev.arbiter.wire.policy.SimulateRequest;
import dev.arbiter.wire.policy.SimulationReport;
import dev.arbiter.wire.policy.SimulationSample;
import dev.arbiter.wire.policy.StaticPolicyErrorResponse;
import dev.arbiter.wire.workflow.DecisionSource;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.PolicyMatch;
import dev.arbiter.wire.workflow.PriorCompletionStatus;
import dev.arbiter.wire.workflow.RetryContext;
import dev.arbiter.wire.workflow.StepGateResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy-management wire shapes against golden files, and the additive {@code shadow_matches} gate field. */
class PolicyGoldenTest {
    private static final Instant T0 = Instant.parse("2026-02-07T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-07T10:05:00Z");

    @Test
    void policyResource_inAListPage_matchesGolden() throws IOException {
        Golden.check("one_page", new PolicyListResponse(List.of(sqlPolicy(2)), Pagination.of(1, 20, 1)));
    }

    @Test
    void pagination_countsPages() {
        assertThat(Pagination.of(2, 20, 41).totalPages()).isEqualTo(3);
        assertThat(Pagination.of(1, 20, 0).totalPages()).isZero();
    }

    @Test
    void versions_matchGolden() throws IOException {
        Golden.check(
                "two_versions",
                new PolicyVersionsResponse(List.of(
                        new PolicyVersionEntry(2, sqlPolicy(2), "ana", T1, "updated", "priority: 10 -> 90"),
                        new PolicyVersionEntry(1, sqlPolicy(1), "ana", T0, "created", null))));
    }

    @Test
    void errorEnvelopes_matchGoldens() throws IOException {
        Golden.check(
                "validation",
                new PolicyErrorResponse(new PolicyErrorResponse.Body(
                        "VALIDATION_ERROR",
                        "Request validation failed",
                        List.of(new PolicyErrorResponse.FieldDetail(
                                "conditions[0].operator", "unknown operator 'equal'")))));
        Golden.check("forbidden", StaticPolicyErrorResponse.of(403, "Cannot create system-tier policies via API"));
        Golden.check(
                "validation",
                new Problem(
                        "https://arbiter.dev/problems/validation-error",
                        "Invalid request",
                        400,
                        "1 field is invalid",
                        "/api/v1/policies/simulate",
                        "validation_error",
                        List.of(new Problem.FieldProblem("limit", "must be between 1 and 100000"))));
    }

    @Test
    void importResponse_omitsEmptyErrors() throws IOException {
        Golden.check(
                "applied",
                new ImportPoliciesResponse(
                        1,
                        1,
                        0,
                        null,
                        1,
                        List.of(
                                new ImportResult("a", "5b0c6c1e-41d4-4a71-9d4f-5a8b7a1e2f10", "created", List.of()),
                                new ImportResult(
                                        "b",
                                        "0f0e6c1e-41d4-4a71-9d4f-5a8b7a1e2f11",
                                        "updated",
                                        List.of("priority: 10 -> 20")),
                                new ImportResult(
                                        "c", "1f0e6c1e-41d4-4a71-9d4f-5a8b7a1e2f12", "unchanged", List.of()))));
    }

    @Test
    void patternTest_matchesGolden() throws IOException {
        Golden.check(
                "ssn",
                new PatternTestResponse(
                        true,
                        "\\b\\d{3}-\\d{2}-\\d{4}\\b",
                        List.of("SSN: 123-45-6789", "No SSN here"),
                        true,
                        List.of(new PatternMatch("SSN: 123-45-6789", true), new PatternMatch("No SSN here", false)),
                        null));
    }

    @Test
    void simulation_matchesGoldens() throws IOException {
        Golden.check(
                "new_block",
                new SimulateRequest(
                        List.of(Map.of(
                                "name",
                                "block-code-exec",
                                "conditions",
                                Map.of("tool_name", "code_exec"),
                                "action",
                                "block")),
                        List.of("log-everything"),
                        T0,
                        T1,
                        null,
                        "current",
                        1000,
                        3));
        SimulationSample sample = new SimulationSample(
                "wf_1", "step-1", "dec_wf_1_step-1", T0, "allow", "block", List.of(), List.of("p-new"));
        DecisionTransition toBlock = new DecisionTransition("allow", "block", 25);
        Golden.check(
                "one_new_block",
                new SimulationReport(
                        T0,
                        T1,
                        null,
                        "current",
                        200,
                        false,
                        25,
                        25,
                        List.of(toBlock),
                        List.of(new PolicyImpact(
                                "p-new", "block-code-exec", "added", 25, List.of(toBlock), 25, 0, List.of(sample))),
                        List.of(sample),
                        0,
                        List.of(),
                        0,
                        List.of("p-new"),
                        List.of(),
                        List.of()));
    }

    @Test
    void stepGateResponse_withShadowMatches_matchesGolden_andOldShapeOmitsThem() throws IOException {
        PolicyMatch shadow = new PolicyMatch(
                "5b0c6c1e-41d4-4a71-9d4f-5a8b7a1e2f10", "block-gpt4", "block", "trial", "high", null, null, null);
        RetryContext first =
                new RetryContext(1, 0, PriorCompletionStatus.NONE, false, null, null, T0, T0, GateDecision.ALLOW, "");
        Golden.check(
                "allow_with_shadow",
                new StepGateResponse(
                        GateDecision.ALLOW,
                        "step-1",
                        "dec_wf_1_step-1",
                        null,
                        "No matching policies",
                        null,
                        null,
                        null,
                        null,
                        false,
                        DecisionSource.FRESH,
                        first,
                        List.of(shadow)));
        StepGateResponse old = new StepGateResponse(
                GateDecision.ALLOW,
                "step-1",
                "dec_wf_1_step-1",
                null,
                "No matching policies",
                null,
                null,
                null,
                null,
                false,
                DecisionSource.FRESH,
                first);
        String oldJson = Json.mapper().writeValueAsString(old);
        assertThat(oldJson).doesNotContain("shadow_matches");
        assertThat(Json.mapper().readValue(oldJson, StepGateResponse.class).shadowMatches())
                .isNull();
    }

    @Test
    void enumsAndRequiredFields_areChecked() {
        assertThatThrownBy(() -> Json.mapper().readValue("{\"version\":0}", RollbackRequest.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("version must be at least 1");
        assertThat(OverwriteMode.fromWireName("overwrite")).contains(OverwriteMode.OVERWRITE);
        assertThat(OverwriteMode.fromWireName("replace")).isEmpty();
    }

    private static PolicyResource sqlPolicy(int version) {
        return new PolicyResource(
                "5b0c6c1e-41d4-4a71-9d4f-5a8b7a1e2f10",
                "block-dangerous-sql",
                "",
                "content",
                "dynamic-workflow",
                "tenant",
                List.of(
                        new PolicyCondition("tool_name", "equals", "sql_query"),
                        new PolicyCondition("tool_input.query", "contains", "DROP TABLE")),
                List.of(new PolicyAction("block", Map.of("reason", "Destructive SQL operations blocked"))),
                version == 1 ? 10 : 90,
                true,
                version,
                "community",
                null,
                List.of("scope:workflow"),
                T0,
                version == 1 ? T0 : T1,
                "ana",
                "ana",
                null,
                null,
                "enforce");
    }
}
