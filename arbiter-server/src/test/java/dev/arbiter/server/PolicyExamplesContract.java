package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.PolicyParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each policy example of seed 001, loaded from a policy file in the seed's own shorthand, end to end
 * over HTTP; plus the cross-step facts (spend cap, tool sequence) and a policy written to the store
 * while the server runs.
 */
abstract class PolicyExamplesContract extends ServerContract {
    static final String POLICIES = """
            policies:
              - id: policy_gpt4_block
                name: block-gpt4-in-workflows
                scope: workflow
                conditions: {step_type: llm_call, model: gpt-4}
                action: block
                reason: GPT-4 not allowed in production workflows
              - name: require-approval-for-deploy
                scope: workflow
                conditions: {step_type: connector_call, step_name: deploy}
                action: require_approval
                reason: Deployment steps require human approval
              - name: block-pii-in-workflow-inputs
                scope: workflow
                conditions: {step_input.contains_pii: true}
                action: block
                reason: PII detected in workflow step input
              - name: block-code-executor
                scope: workflow
                conditions: {tool_name: code_executor}
                action: block
                reason: Code execution not allowed in production
              - name: block-dangerous-sql
                scope: workflow
                conditions: {tool_name: sql_query, "tool_input.query": {contains: DROP TABLE}}
                action: block
                reason: Destructive SQL operations blocked
              - name: cap-workflow-spend
                conditions: {"workflow.cost_usd": {greater_than: 1.0}}
                action: block
                reason: Workflow budget of 1 USD exceeded
              - name: no-http-post-after-secrets
                conditions: {tool_name: http_post, "workflow.tools_used": {contains: read_secrets}}
                action: block
                reason: http_post is not allowed once read_secrets has run
            """;

    @Override
    ServerConfig configure(ServerConfig base) {
        try {
            Path file = Files.writeString(dataDir.resolve("policies.yaml"), POLICIES);
            return base.withPolicyFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void blockGpt4_matchesSeedResponse() {
        String id = api.createWorkflow("code-review-pipeline");
        Reply gate =
                api.post("/api/v1/workflows/" + id + "/steps/step-1/gate", """
                {"step_name": "Generate Code", "step_type": "llm_call", "model": "gpt-4", "provider": "openai"}""").expect(200);
        assertThat(gate.text("decision")).isEqualTo("block");
        assertThat(gate.text("step_id")).isEqualTo("step-1");
        assertThat(gate.text("reason")).isEqualTo("GPT-4 not allowed in production workflows");
        assertThat(gate.json().path("policy_ids").findValuesAsText("policy_ids"))
                .isEmpty();
        assertThat(gate.json().path("policy_ids").get(0).asText()).isEqualTo("policy_gpt4_block");
        assertThat(gate.json()
                        .path("policies_matched")
                        .get(0)
                        .path("policy_name")
                        .asText())
                .isEqualTo("block-gpt4-in-workflows");
        assertThat(gate.json().path("policies_matched").get(0).path("action").asText())
                .isEqualTo("block");

        Reply other = api.gate(id, "step-2", Map.of("step_type", "llm_call", "model", "gpt-4o-mini"))
                .expect(200);
        assertThat(other.text("decision")).isEqualTo("allow");
        assertThat(other.text("reason")).isEqualTo("No matching policies");
        assertThat(other.json().has("policies_matched")).isFalse();
    }

    @Test
    void requireApprovalForDeploy_returnsApprovalId() {
        String id = api.createWorkflow("release");
        Reply gate = api.gate(id, "deploy-prod", Map.of("step_name", "deploy", "step_type", "connector_call"))
                .expect(200);
        assertThat(gate.text("decision")).isEqualTo("require_approval");
        assertThat(gate.text("reason")).isEqualTo("Deployment steps require human approval");
        assertThat(gate.text("approval_id"))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(api.get("/api/v1/workflows/" + id)
                        .json()
                        .path("steps")
                        .get(0)
                        .path("approval_status")
                        .asText())
                .isEqualTo("pending");
    }

    @Test
    void blockPiiInStepInput_usesDerivedContainsPii() {
        String id = api.createWorkflow("pii");
        Reply pii = api.gate(
                        id,
                        "s1",
                        Map.of(
                                "step_type",
                                "llm_call",
                                "step_input",
                                Map.of("prompt", "Customer SSN is 123-45-6789, summarise the case")))
                .expect(200);
        assertThat(pii.text("decision")).isEqualTo("block");
        assertThat(pii.text("reason")).isEqualTo("PII detected in workflow step input");
        Reply clean = api.gate(
                        id,
                        "s2",
                        Map.of("step_type", "llm_call", "step_input", Map.of("prompt", "Summarise order 12345")))
                .expect(200);
        assertThat(clean.text("decision")).isEqualTo("allow");
    }

    @Test
    void blockCodeExecutor_perToolGovernance() {
        String id = api.createWorkflow("research-agent");
        Reply blocked = api.gate(
                        id,
                        "step-tools-code_executor",
                        Map.of(
                                "step_name",
                                "tools/code_executor",
                                "step_type",
                                "tool_call",
                                "tool_context",
                                Map.of(
                                        "tool_name",
                                        "code_executor",
                                        "tool_type",
                                        "function",
                                        "tool_input",
                                        Map.of("code", "print(1)"))))
                .expect(200);
        assertThat(blocked.text("decision")).isEqualTo("block");
        assertThat(blocked.text("reason")).isEqualTo("Code execution not allowed in production");
        Reply search = api.gate(
                        id,
                        "step-tools-web_search",
                        Map.of(
                                "step_name",
                                "tools/web_search",
                                "step_type",
                                "tool_call",
                                "tool_context",
                                Map.of(
                                        "tool_name",
                                        "web_search",
                                        "tool_type",
                                        "function",
                                        "tool_input",
                                        Map.of("query", "latest AI research"))))
                .expect(200);
        assertThat(search.text("decision")).isEqualTo("allow");
    }

    @Test
    void blockDropTableInSqlQuery() {
        String id = api.createWorkflow("sql");
        Reply drop = api.gate(
                        id,
                        "q1",
                        Map.of(
                                "step_type",
                                "tool_call",
                                "tool_context",
                                Map.of(
                                        "tool_name",
                                        "sql_query",
                                        "tool_type",
                                        "mcp",
                                        "tool_input",
                                        Map.of("query", "drop table users;"))))
                .expect(200);
        assertThat(drop.text("decision")).isEqualTo("block");
        assertThat(drop.text("reason")).isEqualTo("Destructive SQL operations blocked");
        Reply select = api.gate(
                        id,
                        "q2",
                        Map.of(
                                "step_type",
                                "tool_call",
                                "tool_context",
                                Map.of(
                                        "tool_name",
                                        "sql_query",
                                        "tool_type",
                                        "mcp",
                                        "tool_input",
                                        Map.of("query", "SELECT * FROM users LIMIT 10"))))
                .expect(200);
        assertThat(select.text("decision")).isEqualTo("allow");
    }

    @Test
    void workflowSpendCap_blocksTheStepThatWouldExceedIt() {
        String id = api.createWorkflow("budget");
        api.gate(id, "a", Map.of("step_type", "llm_call", "cost_usd", 0.4)).expect(200);
        api.post("/api/v1/workflows/" + id + "/steps/a/complete", Map.of("cost_usd", 0.7))
                .status();
        Reply second = api.gate(id, "b", Map.of("step_type", "llm_call", "cost_usd", 0.2))
                .expect(200);
        assertThat(second.text("decision")).as("0.7 actual + 0.2 estimate").isEqualTo("allow");
        Reply third = api.gate(id, "c", Map.of("step_type", "llm_call", "cost_usd", 0.2))
                .expect(200);
        assertThat(third.text("decision")).as("0.7 + 0.2 + 0.2 > 1.0").isEqualTo("block");
        assertThat(third.text("reason")).isEqualTo("Workflow budget of 1 USD exceeded");
    }

    @Test
    void httpPost_isBlockedOnlyAfterReadSecretsRan() {
        String before = api.createWorkflow("exfil-before");
        assertThat(api.gate(before, "post", tool("http_post")).expect(200).text("decision"))
                .isEqualTo("allow");

        String after = api.createWorkflow("exfil-after");
        assertThat(api.gate(after, "secrets", tool("read_secrets")).expect(200).text("decision"))
                .isEqualTo("allow");
        Reply post = api.gate(after, "post", tool("http_post")).expect(200);
        assertThat(post.text("decision")).isEqualTo("block");
        assertThat(post.text("reason")).isEqualTo("http_post is not allowed once read_secrets has run");
    }

    @Test
    void policyWrittenToStore_appliesToTheNextGate() throws Exception {
        String id = api.createWorkflow("live-policy");
        assertThat(api.gate(id, "a", Map.of("step_type", "human_task", "step_name", "sign-off"))
                        .text("decision"))
                .isEqualTo("allow");
        Map<String, Object> definition = PolicyParser.toCanonicalMap(PolicyParser.parse(Map.of(
                "name", "approve-sign-offs",
                "conditions", Map.of("step_type", "human_task"),
                "action", "require_approval")));
        String json = dev.arbiter.wire.Json.mapper().writeValueAsString(definition);
        app.database()
                .inTransaction(
                        tx -> tx.policies().insert("community", "approve-sign-offs", json, true, 0, "enforce", "test"));
        Reply after = api.gate(id, "b", Map.of("step_type", "human_task", "step_name", "sign-off"))
                .expect(200);
        assertThat(after.text("decision")).isEqualTo("require_approval");
        assertThat(after.text("reason")).isEqualTo("Step requires human approval");
    }

    private static Map<String, Object> tool(String name) {
        return Map.of("step_type", "tool_call", "tool_context", Map.of("tool_name", name, "tool_type", "function"));
    }
}
