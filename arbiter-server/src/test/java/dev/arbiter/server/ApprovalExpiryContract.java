package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.MutableClock;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Approval expiry (contract §1.2 {@code APPROVAL_EXPIRED}, §1.6 cached reasons, §1.8, §1.9) with the
 * default 24-hour timeout on a clock the tests move. The background sweeper is stopped, so every expiry
 * here is written by the request that found it, or by a sweep the test runs.
 */
abstract class ApprovalExpiryContract extends ServerContract {
    static final Duration TIMEOUT = ServerConfig.DEFAULT_APPROVAL_TIMEOUT;
    static final Map<String, Object> DEPLOY = ApprovalFixtures.DEPLOY;
    static final String REASON = ApprovalFixtures.REASON;

    private final MutableClock clock = MutableClock.standard();

    @Override
    Clock clock() {
        return clock;
    }

    @Override
    ServerConfig configure(ServerConfig base) {
        return ApprovalFixtures.withDeployPolicy(base, dataDir);
    }

    @BeforeAll
    void stopBackgroundSweeps() {
        app.approvalSweeper().close();
    }

    @Test
    void approveOrReject_afterTimeout_is409_andTheExpiryIsWrittenOnce() throws SQLException {
        String id = pendingDeploy("expire-approve");
        clock.advance(TIMEOUT);
        Reply approve = api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "too late now"))
                .expectError(409, "APPROVAL_EXPIRED");
        assertThat(approve.text("message")).contains("approval timed out");
        assertThat(storedStatus(id)).as("written by the refused approve").isEqualTo("expired");
        api.post("/api/v1/workflows/" + id + "/steps/deploy/reject", Map.of("reason", "too late as well"))
                .expectError(409, "APPROVAL_EXPIRED");
        assertThat(types(id)).containsExactly("workflow_step_expired", "workflow_step_gate", "workflow_created");

        JsonNode expired = entries(id).get(0);
        assertThat(expired.path("blocked").asBoolean()).isTrue();
        assertThat(expired.path("metadata").path("step_id").asText()).isEqualTo("deploy");
        assertThat(expired.path("metadata").path("decision").asText()).isEqualTo("block");
        assertThat(expired.path("metadata").path("reason").asText())
                .isEqualTo("Expired (approval timed out): " + REASON);
        assertThat(expired.path("metadata").path("approval_status").asText()).isEqualTo("expired");
        assertThat(expired.path("metadata").path("approval_timeout").asText()).isEqualTo("PT24H");

        JsonNode step = api.get("/api/v1/workflows/" + id).json().path("steps").get(0);
        assertThat(step.path("approval_status").asText()).isEqualTo("expired");
        assertThat(step.has("approved_by")).as("nobody decided").isFalse();
        assertThat(api.get("/api/v1/workflows/" + id).text("status"))
                .as("expiry does not end the workflow")
                .isEqualTo("in_progress");
    }

    @Test
    void approve_justBeforeTheDeadline_works() {
        String id = pendingDeploy("expire-not-yet");
        clock.advance(TIMEOUT.minusSeconds(1));
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "just in time here"))
                .expect(200);
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.gate(id, "deploy", DEPLOY).text("decision"))
                .as("a decided approval never expires")
                .isEqualTo("allow");
    }

    @Test
    void regate_ofExpiredStep_isCachedBlockWithTheContractReason() throws SQLException {
        String id = pendingDeploy("expire-regate");
        clock.advance(TIMEOUT.plusMinutes(1));
        Reply regate = api.gate(id, "deploy", DEPLOY).expect(200);
        assertThat(regate.text("decision")).isEqualTo("block");
        assertThat(regate.text("reason")).isEqualTo("Previously expired (approval timed out): " + REASON);
        assertThat(regate.json().path("cached").asBoolean()).isTrue();
        assertThat(regate.json().has("approval_id"))
                .as("nothing to approve any more")
                .isFalse();
        assertThat(storedStatus(id)).isEqualTo("expired");
        assertThat(types(id))
                .containsExactly(
                        "workflow_step_gate", "workflow_step_expired", "workflow_step_gate", "workflow_created");
    }

    @Test
    void otherSteps_andComplete_areAllowedOnceTheApprovalExpired() throws SQLException {
        String id = pendingDeploy("expire-other");
        api.gate(id, "next", Map.of("step_type", "llm_call")).expectError(409, "APPROVAL_PENDING");
        clock.advance(TIMEOUT);
        assertThat(api.gate(id, "next", Map.of("step_type", "llm_call"))
                        .expect(200)
                        .text("decision"))
                .isEqualTo("allow");
        assertThat(storedStatus(id)).isEqualTo("expired");

        String other = pendingDeploy("expire-complete");
        api.post("/api/v1/workflows/" + other + "/complete").expectError(409, "APPROVAL_PENDING");
        clock.advance(TIMEOUT);
        api.post("/api/v1/workflows/" + other + "/complete").expect(200);
        assertThat(types(other))
                .containsExactly(
                        "workflow_completed", "workflow_step_expired", "workflow_step_gate", "workflow_created");
    }

    @Test
    void resume_afterExpiry_is409WithTheContractMessage() throws SQLException {
        String id = pendingDeploy("expire-resume");
        api.post("/api/v1/workflows/" + id + "/resume").expectError(409, "APPROVAL_PENDING");
        clock.advance(TIMEOUT);
        Reply resume = api.post("/api/v1/workflows/" + id + "/resume").expectError(409, "APPROVAL_EXPIRED");
        assertThat(resume.text("message")).isEqualTo("workflow step deploy expired (approval timed out)");
        assertThat(storedStatus(id)).as("the refusal keeps the expiry it wrote").isEqualTo("expired");
        api.post("/api/v1/workflows/" + id + "/resume").expectError(409, "APPROVAL_EXPIRED");
        assertThat(types(id).stream().filter("workflow_step_expired"::equals)).hasSize(1);
    }

    @Test
    void reads_showExpiredAtOnce_theSweepWritesIt() throws SQLException {
        String id = pendingDeploy("expire-read");
        clock.advance(TIMEOUT);
        JsonNode step = api.get("/api/v1/workflows/" + id).json().path("steps").get(0);
        assertThat(step.path("approval_status").asText()).isEqualTo("expired");
        assertThat(api.get("/api/v1/workflows?limit=100")
                        .json()
                        .path("workflows")
                        .findValues("approval_status"))
                .extracting(JsonNode::asText)
                .doesNotContain("pending");
        assertThat(storedStatus(id)).as("reads do not write").isEqualTo("pending");

        assertThat(app.approvalSweeper().sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storedStatus(id)).isEqualTo("expired");
        assertThat(types(id)).containsExactly("workflow_step_expired", "workflow_step_gate", "workflow_created");
        assertThat(app.approvalSweeper().sweep()).as("nothing left").isZero();
    }

    @Test
    void pendingList_leavesOutAndExpiresOverdueApprovals() throws SQLException {
        String old = pendingDeploy("expire-list-old");
        clock.advance(TIMEOUT.minusHours(1));
        String young = pendingDeploy("expire-list-young");
        assertThat(pendingIds()).contains(old, young);
        clock.advance(Duration.ofHours(1));
        assertThat(pendingIds()).contains(young).doesNotContain(old);
        assertThat(storedStatus(old)).as("written by the listing").isEqualTo("expired");
        assertThat(types(old)).first().isEqualTo("workflow_step_expired");
        assertThat(api.get("/api/v1/workflows/approvals/pending?limit=100")
                        .json()
                        .path("pending_approvals")
                        .findValuesAsText("approval_status"))
                .containsOnly("pending");
    }

    @Test
    void checkpointResume_ofAnExpiredStep_asksForApprovalAgain() throws SQLException {
        String id = pendingDeploy("expire-checkpoint");
        clock.advance(TIMEOUT);
        assertThat(pendingIds()).doesNotContain(id);
        Reply resumed =
                api.post("/api/v1/workflows/" + id + "/checkpoints/resume").expect(200);
        assertThat(resumed.text("new_decision")).isEqualTo("require_approval");
        assertThat(resumed.text("resumed_from_checkpoint")).isEqualTo("deploy");
        assertThat(storedStatus(id)).as("a fresh approval request").isEqualTo("pending");
        assertThat(pendingIds()).contains(id);
        assertThat(types(id))
                .containsExactly(
                        "workflow_checkpoint_resumed",
                        "workflow_step_gate",
                        "workflow_step_expired",
                        "workflow_step_gate",
                        "workflow_created");
        api.post("/api/v1/workflows/" + id + "/steps/deploy/approve", Map.of("comment", "second request ok"))
                .expect(200);
    }

    String pendingDeploy(String name) {
        return ApprovalFixtures.pendingDeploy(api, name);
    }

    List<String> pendingIds() {
        return api.get("/api/v1/workflows/approvals/pending?limit=100")
                .expect(200)
                .json()
                .path("pending_approvals")
                .findValuesAsText("workflow_id");
    }

    String storedStatus(String workflowId) throws SQLException {
        return ApprovalFixtures.storedStatus(this, workflowId);
    }

    List<JsonNode> entries(String workflowId) {
        return ApprovalFixtures.entries(api, workflowId);
    }

    List<String> types(String workflowId) {
        return ApprovalFixtures.types(api, workflowId);
    }
}
