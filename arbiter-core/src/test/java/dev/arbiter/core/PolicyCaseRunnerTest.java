package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The case runner itself must fail wrong expectations, or the conformance suite proves nothing. */
class PolicyCaseRunnerTest {
    private static final Map<String, Object> BLOCK_GPT4 =
            Map.of("id", "p", "name", "p", "conditions", Map.of("model", "gpt-4"), "action", "block", "reason", "no");

    @Test
    void run_correctExpectation_passes() {
        assertThat(PolicyCaseRunner.run(caseWanting("block", List.of("p")))).isEmpty();
    }

    @Test
    void run_wrongDecision_fails() {
        assertThat(PolicyCaseRunner.run(caseWanting("allow", List.of("p"))))
                .singleElement()
                .asString()
                .startsWith("decision: want allow but got block");
    }

    @Test
    void run_wrongMatches_fails() {
        assertThat(PolicyCaseRunner.run(caseWanting("block", List.of()))).hasSize(1);
    }

    @Test
    void run_wantErrorButPoliciesCompile_fails() {
        PolicyCase testCase = new PolicyCase(
                "inline", "note", List.of(BLOCK_GPT4), Map.of(), null, null, "conditions[0].operator", null);

        assertThat(PolicyCaseRunner.run(testCase)).hasSize(1);
    }

    @Test
    void run_errorAtAnotherPath_fails() {
        Map<String, Object> bad =
                Map.of("name", "p", "conditions", Map.of("model", Map.of("equal", "x")), "action", "block");
        PolicyCase testCase =
                new PolicyCase("inline", "note", List.of(bad), Map.of(), null, null, "conditions[0].value", null);

        assertThat(PolicyCaseRunner.run(testCase))
                .singleElement()
                .asString()
                .contains("conditions[0].operator: unknown operator 'equal'");
    }

    @Test
    void loader_rejectsCaseWithoutExpectation() {
        Map<String, Object> raw = Map.of("note", "n", "policies", List.of());

        assertThatThrownBy(() -> PolicyCaseLoader.cases(List.of(raw), "inline"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one of want and want_error");
    }

    private static PolicyCase caseWanting(String decision, List<String> matched) {
        return new PolicyCase(
                "inline",
                "note",
                List.of(BLOCK_GPT4),
                Map.of("model", "gpt-4"),
                null,
                new PolicyCase.Want(decision, matched, List.of(), List.of(), null, null),
                null,
                null);
    }
}
