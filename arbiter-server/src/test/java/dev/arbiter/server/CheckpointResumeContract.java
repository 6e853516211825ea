package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints and resuming from them (contract §1.8 "Checkpoints (latest)"): one checkpoint per gated step
 * with a stable id, resume re-evaluating the stored request against the current policies, and every
 * refusal. Runs with the deploy approval policy of seed 001 loaded.
 */
abstract class CheckpointResumeContract extends ServerContract {
    private static final String POLICIES = "/api/v1/tenant-policies";

    @Override
    ServerConfig configure(ServerConfig base) {
        return ApprovalFixtures.withDeployPolicy(base, dataDir);
    }

    @Test
    void list_isOneCheckpointPerStep_withStableIds() {
        String id = api.createWorkflow("cp-list");
        api.gate(id, "plan", Map.of("step_type", "llm_call")).expect(200);
        api.gate(id, "plan", Map.of("step_type", "llm_call", "retry_policy", "reevaluate"))
                .expect(200);
        api.gate(id, "deploy", ApprovalFixtures.DEPLOY).expect(200);
        JsonNode list = checkpoints(id);
        assertThat(list.size())
                .as("a re-evaluated step is still one checkpoint")
                .isEqualTo(2);
        assertThat(list.get(0).path("step_id").asText()).isEqualTo("plan");
        assertThat(list.get(0).path("step_index").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("workflow_id").asText()).isEqualTo(id);
        assertThat(list.get(0).path("step_type").asText()).isEqualTo("llm_call");
        assertThat(list.get(0).path("checkpoint_type").asText()).isEqualTo("step_gate");
        assertThat(list.get(0).path("gate_reason").asText()).isEqualTo("No matching policies");
        assertThat(list.get(0).path("resume_count").asInt()).isZero();
        assertThat(list.get(0).path("created_at").asText()).endsWith("Z");
        assertThat(list.get(1).path("checkpoint_type").asText()).isEqualTo("approval_boundary");
        assertThat(list.get(1).path("gate_decision").asText()).isEqualTo("require_approval");
        assertThat(list.get(1).path("is_resumable").asBoolean()).isTrue();
        assertThat(list.get(1).path("id").asLong())
                .isGreaterThan(list.get(0).path("id").asLong());
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "release approved"))
                .expect(200);
        assertThat(checkpoints(id)).as("ids and shape do not change").isEqualTo(list);
    }

    @Test
    void resumeLatest_reevaluatesAgainstTheCurrentPolicies() {
        String tool = "cp_latest_tool";
        String id = api.createWorkflow("cp-latest");
        Map<String, Object> gate = PolicyEnforcementContract.toolGate(tool);
        assertThat(api.gate(id, "fetch", gate).expect(200).text("decision")).isEqualTo("allow");
        long checkpoint = checkpoints(id).get(0).path("id").asLong();
        api.post(POLICIES, PolicyEnforcementContract.blockTool(tool, "enforce")).expect(201);

        Reply resumed = api.post("/api/v1/workflows/" + id + "/checkpoints/resume", Map.of())
                .expect(200);
        assertThat(resumed.text("workflow_id")).isEqualTo(id);
        assertThat(resumed.text("resumed_from_checkpoint")).isEqualTo("fetch");
        assertThat(resumed.json().path("resumed_from_index").asInt()).isEqualTo(1);
        assertThat(resumed.text("new_decision")).isEqualTo("block");
        assertThat(resumed.text("decision_source")).isEqualTo("fresh");
        assertThat(resumed.json().path("resume_count").asInt()).isEqualTo(1);
        assertThat(resumed.text("message")).isEqualTo("Workflow resumed from checkpoint at step fetch (index 1)");

        JsonNode after = checkpoints(id).get(0);
        assertThat(after.path("id").asLong()).isEqualTo(checkpoint);
        assertThat(after.path("gate_decision").asText()).isEqualTo("block");
        assertThat(after.path("is_resumable").asBoolean()).isFalse();
        assertThat(after.path("resume_count").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/workflows/" + id)
                        .json()
                        .path("current_step_index")
                        .asInt())
                .as("a resume keeps the step's index")
                .isEqualTo(1);

        Reply regate = api.gate(id, "fetch", gate).expect(200);
        assertThat(regate.text("decision"))
                .as("the new decision is the stored one")
                .isEqualTo("block");
        assertThat(regate.json().path("cached").asBoolean()).isTrue();

        Reply none = api.post("/api/v1/workflows/" + id + "/checkpoints/resume").expectError(409, "NOT_RESUMABLE");
        assertThat(none.text("message")).isEqualTo("no resumable checkpoint found for workflow " + id);
        Reply blocked = api.post("/api/v1/workflows/" + id + "/checkpoints/" + checkpoint + "/resume")
                .expectError(409, "NOT_RESUMABLE");
        assertThat(blocked.text("message"))
                .isEqualTo("checkpoint " + checkpoint + " is not resumable (step was blocked)");
    }

    @Test
    void resumeById_countsEachResume_andAuditsIt() {
        String id = api.createWorkflow("cp-by-id");
        api.gate(id, "one", Map.of("step_type", "llm_call")).expect(200);
        api.gate(id, "two", Map.of("step_type", "llm_call")).expect(200);
        long first = checkpoints(id).get(0).path("id").asLong();
        for (int count = 1; count <= 2; count++) {
            Reply resumed = api.post("/api/v1/workflows/" + id + "/checkpoints/" + first + "/resume")
                    .expect(200);
            assertThat(resumed.text("resumed_from_checkpoint")).isEqualTo("one");
            assertThat(resumed.text("new_decision")).isEqualTo("allow");
            assertThat(resumed.json().path("resume_count").asInt()).isEqualTo(count);
        }
        assertThat(checkpoints(id).get(0).path("resume_count").asInt()).isEqualTo(2);
        assertThat(checkpoints(id).get(1).path("resume_count").asInt()).isZero();
        Reply latest =
                api.post("/api/v1/workflows/" + id + "/checkpoints/resume").expect(200);
        assertThat(latest.text("resumed_from_checkpoint"))
                .as("the highest index")
                .isEqualTo("two");

        List<JsonNode> audit = entries(id);
        assertThat(audit.stream().map(e -> e.path("request_type").asText()).limit(2))
                .containsExactly("workflow_checkpoint_resumed", "workflow_step_gate");
        JsonNode resumedRecord = audit.get(0).path("metadata");
        assertThat(resumedRecord.path("step_id").asText()).isEqualTo("two");
        assertThat(resumedRecord.path("resume_count").asInt()).isEqualTo(1);
        assertThat(resumedRecord.path("decision_source").asText()).isEqualTo("fresh");
        assertThat(audit.get(1).path("metadata").path("decision_source").asText())
                .as("the gate record of the re-evaluation")
                .isEqualTo("fresh");
        assertThat(audit.stream().filter(e -> e.path("request_type").asText().equals("workflow_checkpoint_resumed")))
                .hasSize(3);
    }

    @Test
    void resume_refusals() {
        String id = api.createWorkflow("cp-refusals");
        api.gate(id, "plan", Map.of("step_type", "llm_call")).expect(200);
        long plan = checkpoints(id).get(0).path("id").asLong();
        api.post("/api/v1/workflows/" + id + "/checkpoints/999999999/resume").expectError(404, "NOT_FOUND");
        Reply invalid =
                api.post("/api/v1/workflows/" + id + "/checkpoints/abc/resume").expectError(400, "BAD_REQUEST");
        assertThat(invalid.text("message")).isEqualTo("Invalid checkpoint ID");
        api.post("/api/v1/workflows/" + id + "/checkpoints/0/resume").expectError(400, "BAD_REQUEST");
        api.post("/api/v1/workflows/" + id + "/checkpoints/resume", "{not json").expectError(400, "BAD_REQUEST");
        Reply missing =
                api.post("/api/v1/workflows/wf_missing/checkpoints/resume").expectError(404, "NOT_FOUND");
        assertThat(missing.text("message")).isEqualTo("Workflow not found");

        String other = api.createWorkflow("cp-other");
        api.gate(other, "plan", Map.of("step_type", "llm_call")).expect(200);
        Reply foreign = api.post("/api/v1/workflows/" + other + "/checkpoints/" + plan + "/resume")
                .expectError(404, "NOT_FOUND");
        assertThat(foreign.text("message")).as("another workflow's checkpoint").isEqualTo("Checkpoint not found");

        api.gate(id, "deploy", ApprovalFixtures.DEPLOY).expect(200);
        Reply pending = api.post("/api/v1/workflows/" + id + "/checkpoints/" + plan + "/resume")
                .expectError(409, "APPROVAL_PENDING");
        assertThat(pending.text("message")).isEqualTo("workflow has pending approval for step deploy");
        assertThat(checkpoints(id).get(0).path("resume_count").asInt())
                .as("a refused resume counts nothing")
                .isZero();

        api.post("/api/v1/workflows/" + other + "/complete").expect(200);
        Reply terminal =
                api.post("/api/v1/workflows/" + other + "/checkpoints/resume").expectError(409, "WORKFLOW_TERMINAL");
        assertThat(terminal.text("message")).isEqualTo("cannot resume workflow in terminal state: completed");
    }

    @Test
    void resume_ofThePendingStepItself_replacesItsApprovalRequest() {
        String id = api.createWorkflow("cp-pending-self");
        String approval =
                api.gate(id, "deploy", ApprovalFixtures.DEPLOY).expect(200).text("approval_id");
        Reply resumed =
                api.post("/api/v1/workflows/" + id + "/checkpoints/resume").expect(200);
        assertThat(resumed.text("new_decision")).isEqualTo("require_approval");
        Reply regate = api.gate(id, "deploy", ApprovalFixtures.DEPLOY).expect(200);
        assertThat(regate.text("decision")).isEqualTo("require_approval");
        assertThat(regate.text("approval_id")).as("a new approval request").isNotEqualTo(approval);
    }

    JsonNode checkpoints(String workflowId) {
        Reply reply =
                api.get("/api/v1/workflows/" + workflowId + "/checkpoints").expect(200);
        assertThat(reply.text("workflow_id")).isEqualTo(workflowId);
        return reply.json().path("checkpoints");
    }

    List<JsonNode> entries(String workflowId) {
        return ApprovalFixtures.entries(api, workflowId);
    }
}
