package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The policy JSON of seed 001 (Workflow Control Plane), verbatim, loads and behaves as the seed describes. */
class SeedPoliciesTest {
    private static List<Policy> policies;
    private static PolicySet set;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = SeedPoliciesTest.class.getResourceAsStream("/seeds/001-workflow-control-policies.json")) {
            List<Map<String, Object>> documents = new ObjectMapper().readValue(in, new TypeReference<>() {});
            policies = documents.stream().map(PolicyParser::parse).toList();
        }
        set = PolicySet.compile(policies);
    }

    @Test
    void seedPolicies_loadWithIdsFromTheirNames() {
        assertThat(policies)
                .extracting(Policy::id)
                .containsExactly(
                        "block-gpt4-in-workflows",
                        "require-approval-for-deploy",
                        "block-pii-in-workflow-inputs",
                        "block-code-executor",
                        "block-dangerous-sql");
        assertThat(policies).allSatisfy(policy -> assertThat(policy.tags()).containsExactly("scope:workflow"));
    }

    @Test
    void gpt4LlmStep_isBlockedWithTheSeedReason() {
        Decision decision = set.evaluate(gate().put("step_name", "Generate Code")
                .put("step_type", "llm_call")
                .put("model", "gpt-4")
                .put("provider", "openai")
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(decision.policyIds()).containsExactly("block-gpt4-in-workflows");
        assertThat(decision.reason()).isEqualTo("GPT-4 not allowed in production workflows");
    }

    @Test
    void deployConnectorStep_requiresApproval() {
        Decision decision = set.evaluate(gate().put("step_type", "connector_call")
                .put("step_name", "deploy")
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL);
        assertThat(decision.reason()).isEqualTo("Deployment steps require human approval");
    }

    @Test
    void stepInputWithSsn_isBlocked() {
        Decision decision = set.evaluate(gate().put("step_type", "llm_call")
                .stepInput(Map.of("prompt", "Customer SSN is 123-45-6789"))
                .build());

        assertThat(decision.outcome()).isEqualTo(Outcome.BLOCK);
        assertThat(decision.policyIds()).containsExactly("block-pii-in-workflow-inputs");
    }

    @Test
    void codeExecutorTool_isBlockedButWebSearchIsNot() {
        Decision blocked = set.evaluate(gate().put("step_type", "tool_call")
                .toolContext("code_executor", "function", Map.of("code", "import os"))
                .build());
        Decision allowed = set.evaluate(gate().put("step_type", "tool_call")
                .toolContext("web_search", "function", Map.of("query", "latest AI research"))
                .build());

        assertThat(blocked.policyIds()).containsExactly("block-code-executor");
        assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(allowed.reason()).isEqualTo("No matching policies");
    }

    @Test
    void dropTableInSqlTool_isBlockedButSelectIsNot() {
        Decision blocked = set.evaluate(gate().put("step_type", "tool_call")
                .toolContext("sql_query", "mcp", Map.of("query", "drop table users"))
                .build());
        Decision allowed = set.evaluate(gate().put("step_type", "tool_call")
                .toolContext("sql_query", "mcp", Map.of("query", "SELECT * FROM users LIMIT 10"))
                .build());

        assertThat(blocked.policyIds()).containsExactly("block-dangerous-sql");
        assertThat(blocked.reason()).isEqualTo("Destructive SQL operations blocked");
        assertThat(allowed.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(allowed.policiesEvaluated()).isEqualTo(5);
    }

    private static PolicyContext.Builder gate() {
        return PolicyContext.builder().piiProbe(PolicyCaseRunner.TEST_PROBE);
    }
}
