package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Approve, reject and pending approvals (contract §1.8), with the deploy policy of seed 001. */
abstract class ApprovalsContract extends ServerContract {
    private static final Map<String, Object> DEPLOY =
            Map.of("step_name", "deploy", "step_type", "connector_call", "step_input", Map.of("target", "prod"));

    @Override
    ServerConfig configure(ServerConfig base) {
        try {
            return base.withApprovalBaseUrl("https://console.example.com")
                    .withPolicyFile(Files.writeString(dataDir.resolve("policies.json"), """
                    [{"name": "require-approval-for-deploy", "scope": "workflow",
                      "conditions": {"step_type": "connector_call", "step_name": "deploy"},
                      "action": "require_approval", "reason": "Deployment steps require human approval"}]
                    """));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void approve_turnsCachedGateIntoAllow() {
        String id = api.createWorkflow("release");
        Reply gate = api.gate(id, "deploy", DEPLOY).expect(200);
        String approvalId = gate.text("approval_id");
        assertThat(gate.text("approval_url"))
                .isEqualTo("https://console.example.com/workflows/" + id + "/steps/deploy/approve");
        Reply approved = api.with("X-User-ID", "alice@example.com")
                .post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "Change window is open"))
                .expect(200);
        assertThat(approved.text("status")).isEqualTo("approved");
        assertThat(approved.text("approval_status")).isEqualTo("approved");
        assertThat(approved.text("decision")).isEqualTo("allow");
        assertThat(approved.text("reason")).isEqualTo("Approved: Deployment steps require human approval");
        assertThat(approved.text("approval_id")).isEqualTo(approvalId);
        assertThat(approved.text("approved_by")).isEqualTo("alice@example.com");
        assertThat(approved.json().path("approved_at").isTextual()).isTrue();
        assertThat(approved.text("message")).isEqualTo("Step approved");
        assertThat(approved.json().path("retry_context").path("gate_count").asInt())
                .isEqualTo(1);
        assertThat(approved.json()
                        .path("policies_matched")
                        .get(0)
                        .path("policy_name")
                        .asText())
                .isEqualTo("require-approval-for-deploy");

        Reply regate = api.gate(id, "deploy", DEPLOY).expect(200);
        assertThat(regate.text("decision")).isEqualTo("allow");
        assertThat(regate.text("reason")).isEqualTo("Previously approved: Deployment steps require human approval");
        assertThat(regate.json().path("cached").asBoolean()).isTrue();
        assertThat(regate.json().has("approval_id")).as("only while pending").isFalse();
        assertThat(regate.json().has("approval_url")).as("only while pending").isFalse();

        JsonNode step = api.get("/api/v1/workflows/" + id).json().path("steps").get(0);
        assertThat(step.path("approval_status").asText()).isEqualTo("approved");
        assertThat(step.path("approved_by").asText()).isEqualTo("alice@example.com");
        api.post("/api/v1/workflows/" + id + "/resume").expect(200);
        api.post("/api/v1/workflows/" + id + "/complete").expect(200);
    }

    @Test
    void approval_coversOnlyTheInputItWasGivenFor() {
        String id = api.createWorkflow("release-input");
        String first = api.gate(id, "deploy", DEPLOY).expect(200).text("approval_id");
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "prod deploy is fine"))
                .expect(200);
        Reply other = api.gate(
                        id,
                        "deploy",
                        Map.of(
                                "step_name",
                                "deploy",
                                "step_type",
                                "connector_call",
                                "step_input",
                                Map.of("target", "prod", "force", true)))
                .expect(200);
        assertThat(other.text("decision")).isEqualTo("require_approval");
        assertThat(other.json().path("cached").asBoolean()).isFalse();
        assertThat(other.text("approval_id")).isNotEqualTo(first);
        assertThat(api.get("/api/v1/workflows/" + id)
                        .json()
                        .path("steps")
                        .get(0)
                        .path("approval_status")
                        .asText())
                .isEqualTo("pending");
    }

    @Test
    void reject_abortsTheWorkflow() {
        String id = api.createWorkflow("release-reject");
        api.gate(id, "deploy", DEPLOY).expect(200);
        Reply rejected = api.with("X-User-Email", "bob@example.com")
                .post("/api/v1/workflows/" + id + "/steps/deploy/reject", Map.of("reason", "Freeze until Monday"))
                .expect(200);
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(rejected.text("decision")).isEqualTo("block");
        assertThat(rejected.text("reason")).isEqualTo("Rejected: Freeze until Monday");
        assertThat(rejected.text("rejected_by")).isEqualTo("bob@example.com");
        assertThat(rejected.json().path("rejected_at").isTextual()).isTrue();
        assertThat(rejected.text("message")).isEqualTo("Step rejected, workflow aborted");
        Reply status = api.get("/api/v1/workflows/" + id).expect(200);
        assertThat(status.text("status")).isEqualTo("aborted");
        assertThat(status.json().path("total_steps").asInt()).isEqualTo(1);
        api.gate(id, "deploy", DEPLOY).expectError(409, "WORKFLOW_TERMINAL");
    }

    @Test
    void resume_afterRejection_isStepRejected() throws java.sql.SQLException {
        String id = api.createWorkflow("release-reject-resume");
        api.gate(id, "deploy", DEPLOY).expect(200);
        api.post("/api/v1/workflows/" + id + "/steps/deploy/reject", Map.of("reason", "Freeze until Monday"))
                .expect(200);
        Reply resume = api.post("/api/v1/workflows/" + id + "/resume").expectError(409, "STEP_REJECTED");
        assertThat(resume.text("message")).isEqualTo("workflow step deploy was rejected");

        String aborted = api.createWorkflow("aborted-resume");
        api.post("/api/v1/workflows/" + aborted + "/abort").expect(200);
        Reply terminal = api.post("/api/v1/workflows/" + aborted + "/resume").expectError(409, "WORKFLOW_TERMINAL");
        assertThat(terminal.text("message")).isEqualTo("cannot resume workflow in terminal state: aborted");

        // Not reachable through the API: a rejected last step on a workflow in progress (reopened by hand).
        execute("UPDATE workflows SET status = 'in_progress', completed_at = NULL WHERE workflow_id = '" + id + "'");
        api.post("/api/v1/workflows/" + id + "/resume").expectError(409, "STEP_REJECTED");
    }

    @Test
    void commentRules_andApproverDefault() {
        String id = api.createWorkflow("comments");
        api.gate(id, "deploy", DEPLOY).expect(200);
        Reply shortComment = api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "  ok   "))
                .expectError(400, "BAD_REQUEST");
        assertThat(shortComment.text("message")).isEqualTo("Comment is required (minimum 10 characters)");
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve").expectError(400, "BAD_REQUEST");
        Reply shortReason = api.post("/api/v1/workflows/" + id + "/steps/deploy/reject", Map.of("reason", "no"))
                .expectError(400, "BAD_REQUEST");
        assertThat(shortReason.text("message")).isEqualTo("Reason is required (minimum 10 characters)");
        Reply approved = api.post(
                        "/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "fine by the on-call"))
                .expect(200);
        assertThat(approved.text("approved_by")).isEqualTo("system");
    }

    @Test
    void approveOrReject_wrongState_is409() {
        String id = api.createWorkflow("conflicts");
        api.gate(id, "plain", Map.of("step_type", "llm_call")).expect(200);
        api.post("/api/v1/workflows/" + id + "/steps/plain/approve", Map.of("comment", "nothing to approve"))
                .expectError(409, "NO_APPROVAL_NEEDED");
        api.gate(id, "deploy", DEPLOY).expect(200);
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "approved once here"))
                .expect(200);
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "approved twice here"))
                .expectError(409, "NOT_PENDING");
        api.post("/api/v1/workflows/" + id + "/steps/deploy/reject", Map.of("reason", "too late to reject"))
                .expectError(409, "NOT_PENDING");
        api.post("/api/v1/workflows/" + id + "/steps/missing/approve", Map.of("comment", "no such step here"))
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void pendingApproval_guardsOtherStepsResumeAndComplete() {
        String id = api.createWorkflow("guard");
        api.gate(id, "deploy", DEPLOY).expect(200);
        Reply other = api.gate(id, "next", Map.of("step_type", "llm_call")).expectError(409, "APPROVAL_PENDING");
        assertThat(other.text("message")).isEqualTo("workflow has pending approval for step deploy");
        Reply same = api.gate(id, "deploy", DEPLOY).expect(200);
        assertThat(same.text("decision")).isEqualTo("require_approval");
        assertThat(same.json().path("cached").asBoolean()).isTrue();
        assertThat(same.text("approval_id")).isNotBlank();
        api.post("/api/v1/workflows/" + id + "/resume").expectError(409, "APPROVAL_PENDING");
        Reply complete = api.post("/api/v1/workflows/" + id + "/complete").expectError(409, "APPROVAL_PENDING");
        assertThat(complete.text("message"))
                .isEqualTo("cannot complete workflow with pending approval for step deploy");
    }

    @Test
    void pendingApprovals_listedOnBothPaths_newestFirst() {
        String a = api.createWorkflow("pending-a");
        String b = api.createWorkflow("pending-b");
        api.gate(a, "deploy", DEPLOY).expect(200);
        api.gate(b, "deploy", DEPLOY).expect(200);
        for (String path :
                new String[] {"/api/v1/workflows/approvals/pending", "/api/v1/workflows/pending-approvals"}) {
            Reply pending = api.get(path + "?limit=100").expect(200);
            JsonNode list = pending.json().path("pending_approvals");
            assertThat(pending.json().path("count").asInt()).isEqualTo(list.size());
            assertThat(list.findValuesAsText("workflow_id")).containsSubsequence(b, a);
            JsonNode entry = list.get(list.findValuesAsText("workflow_id").indexOf(b));
            assertThat(entry.path("workflow_name").asText()).isEqualTo("pending-b");
            assertThat(entry.path("step_id").asText()).isEqualTo("deploy");
            assertThat(entry.path("step_index").asInt()).isEqualTo(1);
            assertThat(entry.path("decision").asText()).isEqualTo("require_approval");
            assertThat(entry.path("approval_status").asText()).isEqualTo("pending");
            assertThat(entry.path("step_input").path("target").asText()).isEqualTo("prod");
            assertThat(entry.path("decision_reason").asText()).isEqualTo("Deployment steps require human approval");
        }
        api.post("/api/v1/workflows/" + a + "/steps/deploy/approve", Map.of("comment", "go ahead with a"))
                .expect(200);
        assertThat(api.get("/api/v1/workflows/approvals/pending?limit=100")
                        .json()
                        .path("pending_approvals")
                        .findValuesAsText("workflow_id"))
                .contains(b)
                .doesNotContain(a);
        assertThat(api.get("/api/v1/workflows/approvals/pending?limit=1")
                        .json()
                        .path("count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void checkpoints_areOnePerGatedStep() {
        String id = api.createWorkflow("checkpoints");
        api.gate(id, "plan", Map.of("step_type", "llm_call")).expect(200);
        api.gate(id, "plan", Map.of("step_type", "llm_call")).expect(200);
        api.gate(id, "deploy", DEPLOY).expect(200);
        Reply reply = api.get("/api/v1/workflows/" + id + "/checkpoints").expect(200);
        assertThat(reply.text("workflow_id")).isEqualTo(id);
        JsonNode list = reply.json().path("checkpoints");
        assertThat(list.size()).as("the re-gated step is one checkpoint").isEqualTo(2);
        assertThat(list.get(0).path("step_id").asText()).isEqualTo("plan");
        assertThat(list.get(0).path("checkpoint_type").asText()).isEqualTo("step_gate");
        assertThat(list.get(0).path("gate_decision").asText()).isEqualTo("allow");
        assertThat(list.get(0).path("is_resumable").asBoolean()).isTrue();
        assertThat(list.get(1).path("step_index").asInt()).isEqualTo(2);
        assertThat(list.get(1).path("checkpoint_type").asText()).isEqualTo("approval_boundary");
        assertThat(list.get(1).path("id").asLong())
                .isGreaterThan(list.get(0).path("id").asLong());
        api.get("/api/v1/workflows/wf_missing/checkpoints").expectError(404, "NOT_FOUND");
    }
}
