package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Policy changes made over HTTP are in force for the very next gate, and shadow-mode policies are reported
 * in the gate response and the audit trail but never change a decision.
 */
abstract class PolicyEnforcementContract extends ServerContract {
    static final String BASE = "/api/v1/tenant-policies";

    static Map<String, Object> blockTool(String tool, String mode) {
        return Map.of(
                "name",
                "block-" + tool,
                "conditions",
                Map.of("tool_name", tool),
                "action",
                "block",
                "reason",
                tool + " is not allowed",
                "mode",
                mode);
    }

    static Map<String, Object> toolGate(String tool) {
        return Map.of(
                "step_type",
                "tool_call",
                "tool_context",
                Map.of("tool_name", tool, "tool_type", "function", "tool_input", Map.of("q", "x")));
    }

    @Test
    void policyChange_isEnforcedByTheNextGate() {
        String wf = api.createWorkflow("next-gate");
        assertThat(api.gate(wf, "s1", toolGate("shell")).expect(200).text("decision"))
                .isEqualTo("allow");

        String id = api.post(BASE, blockTool("shell", "enforce"))
                .expect(201)
                .json()
                .path("policy")
                .path("id")
                .asText();
        Reply blocked = api.gate(wf, "s2", toolGate("shell")).expect(200);
        assertThat(blocked.text("decision")).isEqualTo("block");
        assertThat(blocked.text("reason")).isEqualTo("shell is not allowed");
        assertThat(blocked.json().path("policy_ids").get(0).asText()).isEqualTo(id);

        api.send("PUT", BASE + "/" + id, "{\"enabled\": false}").expect(200);
        assertThat(api.gate(wf, "s3", toolGate("shell")).text("decision")).isEqualTo("allow");

        api.post(BASE + "/" + id + "/rollback", Map.of("version", 1)).expect(200);
        assertThat(api.gate(wf, "s4", toolGate("shell")).text("decision")).isEqualTo("block");

        api.send("DELETE", BASE + "/" + id, null).expect(204);
        assertThat(api.gate(wf, "s5", toolGate("shell")).text("decision")).isEqualTo("allow");
    }

    @Test
    void shadowBlock_neverBlocks_andIsVisibleInResponseAndAudit() {
        String id = api.post(BASE, blockTool("browser", "shadow"))
                .expect(201)
                .json()
                .path("policy")
                .path("id")
                .asText();
        String wf = api.createWorkflow("shadow");
        Reply gate = api.gate(wf, "s1", toolGate("browser")).expect(200);
        assertThat(gate.text("decision")).isEqualTo("allow");
        assertThat(gate.json().has("policy_ids")).isFalse();
        JsonNode shadow = gate.json().path("shadow_matches");
        assertThat(shadow).hasSize(1);
        assertThat(shadow.get(0).path("policy_id").asText()).isEqualTo(id);
        assertThat(shadow.get(0).path("action").asText()).isEqualTo("block");
        assertThat(shadow.get(0).path("reason").asText()).isEqualTo("browser is not allowed");

        JsonNode entry = api.post(
                        "/api/v1/audit/search", Map.of("request_id", wf, "request_type", "workflow_step_gate"))
                .expect(200)
                .json()
                .path("entries")
                .get(0);
        assertThat(entry.path("policy_decision").asText()).isEqualTo("allowed");
        JsonNode details = entry.path("metadata");
        assertThat(details.path("shadow_policy_ids").get(0).asText()).isEqualTo(id);
        assertThat(details.path("shadow_matches").get(0).path("action").asText())
                .isEqualTo("block");
        assertThat(details.path("policy_set_version").asLong()).isPositive();

        // Promoting the shadow policy to enforce makes the same step block at the next gate.
        api.send("PUT", BASE + "/" + id, "{\"mode\": \"enforce\"}").expect(200);
        Reply enforced = api.gate(wf, "s2", toolGate("browser")).expect(200);
        assertThat(enforced.text("decision")).isEqualTo("block");
        assertThat(enforced.json().has("shadow_matches")).isFalse();
    }

    @Test
    void everyPolicyChange_writesAnAuditRecord() {
        String id = api.with("X-User-ID", "carol")
                .post(BASE, blockTool("ftp", "enforce"))
                .expect(201)
                .json()
                .path("policy")
                .path("id")
                .asText();
        api.with("X-User-ID", "carol")
                .send("PUT", BASE + "/" + id, "{\"priority\": 3}")
                .expect(200);
        JsonNode entries = api.post("/api/v1/audit/search", Map.of("request_id", id))
                .expect(200)
                .json()
                .path("entries");
        assertThat(entries).hasSize(2);
        List<String> types = List.of(
                entries.get(0).path("request_type").asText(),
                entries.get(1).path("request_type").asText());
        assertThat(types).containsExactlyInAnyOrder("policy_created", "policy_updated");
        JsonNode updated =
                entries.get(0).path("request_type").asText().equals("policy_updated") ? entries.get(0) : entries.get(1);
        assertThat(updated.path("user_email").asText()).isEqualTo("carol");
        assertThat(updated.path("metadata").path("version").asInt()).isEqualTo(2);
        assertThat(updated.path("metadata").path("change_summary").asText()).isEqualTo("priority: 0 -> 3");
        assertThat(api.get("/api/v1/audit/verify")
                        .expect(200)
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }
}
