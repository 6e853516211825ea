package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The deploy approval policy of seed 001 and what the approval suites read back, past the API too. */
final class ApprovalFixtures {
    static final Map<String, Object> DEPLOY =
            Map.of("step_name", "deploy", "step_type", "connector_call", "step_input", Map.of("target", "prod"));
    static final String REASON = "Deployment steps require human approval";

    private ApprovalFixtures() {}

    /** {@code base} loading a policy file, written to {@code dir}, that requires approval for {@code deploy}. */
    static ServerConfig withDeployPolicy(ServerConfig base, Path dir) {
        try {
            return base.withPolicyFile(Files.writeString(dir.resolve("policies.json"), """
                    [{"name": "require-approval-for-deploy", "scope": "workflow",
                      "conditions": {"step_type": "connector_call", "step_name": "deploy"},
                      "action": "require_approval", "reason": "Deployment steps require human approval"}]
                    """));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a workflow whose step {@code deploy} awaits approval; returns its id. */
    static String pendingDeploy(Client api, String name) {
        String id = api.createWorkflow(name);
        assertThat(api.gate(id, "deploy", DEPLOY).expect(200).text("decision")).isEqualTo("require_approval");
        return id;
    }

    /** The stored approval status of the workflow's step {@code deploy}, read past the API. */
    static String storedStatus(ServerContract suite, String workflowId) throws SQLException {
        try (Connection c = suite.sql();
                PreparedStatement st = c.prepareStatement(
                        "SELECT approval_status FROM workflow_steps WHERE workflow_id = ? AND step_id = 'deploy'")) {
            st.setString(1, workflowId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The workflow's audit records, newest first. */
    static List<JsonNode> entries(Client api, String workflowId) {
        List<JsonNode> entries = new ArrayList<>();
        api.post("/api/v1/audit/search", Map.of("request_id", workflowId))
                .expect(200)
                .json()
                .path("entries")
                .forEach(entries::add);
        return entries;
    }

    /** The request types of the workflow's audit records, newest first. */
    static List<String> types(Client api, String workflowId) {
        return entries(api, workflowId).stream()
                .map(e -> e.path("request_type").asText())
                .toList();
    }
}
