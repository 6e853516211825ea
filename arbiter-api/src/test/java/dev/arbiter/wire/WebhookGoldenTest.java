package dev.arbiter.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.ListWebhooksResponse;
import dev.arbiter.wire.webhook.UpdateWebhookRequest;
import dev.arbiter.wire.webhook.WebhookEvent;
import dev.arbiter.wire.webhook.WebhookEventData;
import dev.arbiter.wire.webhook.WebhookEventType;
import dev.arbiter.wire.webhook.WebhookSubscription;
import dev.arbiter.wire.workflow.ApprovalStatus;
import dev.arbiter.wire.workflow.GateDecision;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowStatus;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Webhook subscriptions and delivered events against golden files, and their optional-field rules. */
class WebhookGoldenTest {
    private static final Instant T0 = Instant.parse("2026-02-07T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-07T10:05:00Z");

    private final ObjectMapper json = Json.mapper();

    @Test
    void createRequest_matchesTypeScriptSdkShape() throws IOException {
        Golden.check(
                "typescript_sdk",
                new CreateWebhookRequest(
                        "https://hooks.example.com/arbiter",
                        List.of("step.approval_required", "workflow.completed"),
                        "whsec_0123456789",
                        true));
    }

    @Test
    void updateRequest_isPartial() throws IOException {
        Golden.check("deactivate", new UpdateWebhookRequest(null, null, null, false));
        UpdateWebhookRequest read = json.readValue("{\"events\":[\"*\"],\"future\":1}", UpdateWebhookRequest.class);
        assertThat(read).isEqualTo(new UpdateWebhookRequest(null, List.of("*"), null, null));
    }

    @Test
    void listResponse_neverShowsTheSecret() throws IOException {
        WebhookSubscription signed = new WebhookSubscription(
                "wh_0123456789abcdefghijklmn",
                "https://hooks.example.com/arbiter",
                List.of("step.approval_required", "workflow.completed"),
                true,
                T0,
                T1,
                true);
        Golden.check("one_signed", new ListWebhooksResponse(List.of(signed), 1));
        assertThat(json.writeValueAsString(signed)).doesNotContain("\"secret\"");
    }

    @Test
    void approvalRequiredEvent_matchesGolden() throws IOException {
        Golden.check(
                "step_approval_required",
                new WebhookEvent(
                        "evt_5f0c1a2b3c4d5e6f708192a3b4c5d6e7",
                        WebhookEventType.STEP_APPROVAL_REQUIRED.wireName(),
                        T0,
                        "acme",
                        new WebhookEventData(
                                "wf_3f9a0c12",
                                "code-review",
                                WorkflowStatus.IN_PROGRESS,
                                "step-2-deploy",
                                "deploy",
                                StepType.TOOL_CALL,
                                2,
                                GateDecision.REQUIRE_APPROVAL,
                                "Step requires human approval",
                                "7d9f3c1e-4b2a-5c6d-8e7f-0a1b2c3d4e5f",
                                ApprovalStatus.PENDING,
                                null,
                                null,
                                null,
                                List.of("policy_prod_deploy"),
                                null,
                                "ls-run-1")));
    }

    @Test
    void rejectedStepEvent_matchesGolden() throws IOException {
        Golden.check(
                "step_rejected",
                new WebhookEvent(
                        "evt_00000000000000000000000000000002",
                        WebhookEventType.STEP_REJECTED.wireName(),
                        T1,
                        "acme",
                        new WebhookEventData(
                                "wf_3f9a0c12",
                                "code-review",
                                WorkflowStatus.ABORTED,
                                "step-2-deploy",
                                "deploy",
                                StepType.TOOL_CALL,
                                2,
                                GateDecision.BLOCK,
                                "Production freeze is in effect",
                                "7d9f3c1e-4b2a-5c6d-8e7f-0a1b2c3d4e5f",
                                ApprovalStatus.REJECTED,
                                null,
                                "ana@example.com",
                                null,
                                null,
                                null,
                                null)));
    }

    @Test
    void workflowCompletedEvent_carriesNoStepFields() throws IOException {
        Golden.check(
                "workflow_completed",
                new WebhookEvent(
                        "evt_00000000000000000000000000000003",
                        WebhookEventType.WORKFLOW_COMPLETED.wireName(),
                        T1,
                        "community",
                        new WebhookEventData(
                                "wf_3f9a0c12",
                                "code-review",
                                WorkflowStatus.COMPLETED,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                3,
                                null)));
    }

    @Test
    void createRequest_optionalFields_absentAreNull_nullAreOmitted() throws Exception {
        CreateWebhookRequest read = json.readValue(
                "{\"url\":\"http://localhost:9000/h\",\"events\":[\"*\"],\"unknown\":true}",
                CreateWebhookRequest.class);
        assertThat(read.secret()).isNull();
        assertThat(read.active()).isNull();
        assertThat(json.writeValueAsString(read)).isEqualTo("{\"url\":\"http://localhost:9000/h\",\"events\":[\"*\"]}");
    }

    @Test
    void createRequest_requiresUrlAndEvents_withoutNullEvents() {
        assertThatThrownBy(() -> json.readValue("{\"events\":[\"*\"]}", CreateWebhookRequest.class))
                .isInstanceOf(ValueInstantiationException.class)
                .rootCause()
                .hasMessage("url is required");
        assertThatThrownBy(() -> json.readValue("{\"url\":\"http://h\"}", CreateWebhookRequest.class))
                .rootCause()
                .hasMessage("events is required");
        assertThatThrownBy(() -> json.readValue("{\"url\":\"http://h\",\"events\":[null]}", CreateWebhookRequest.class))
                .rootCause()
                .hasMessage("events must not contain null");
        assertThatThrownBy(() -> new UpdateWebhookRequest(null, Arrays.asList("*", null), null, null))
                .hasMessage("events must not contain null");
    }

    @Test
    void eventTypes_parseTheirWireNamesOnly() {
        for (WebhookEventType type : WebhookEventType.values()) {
            assertThat(WebhookEventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(WebhookEventType.fromWireName("STEP_APPROVED")).isEmpty();
        assertThat(WebhookEventType.fromWireName(WebhookEventType.ALL)).isEmpty();
    }
}
