package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.wire.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Webhook delivery over real HTTP to a real receiver: each event of contract §1.6 step 9 and §1.8 with its
 * body and signature, retries after a 5xx, giving up after the last attempt, no delivery to inactive
 * subscriptions, unsubscribed events or other tenants, and a slow subscriber that delays no one else.
 */
abstract class WebhookDeliveryContract extends WebhookSuite {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void everyEvent_isDelivered_withItsBody_andAValidSignature() throws Exception {
        Tenant acme = newTenant();
        subscribe(acme, Map.of("url", receiver.url("/all"), "events", List.of("*"), "secret", "whsec_all"));
        String released = acme.api().createWorkflow("release");
        String approvalId =
                acme.api().gate(released, "deploy", DEPLOY).expect(200).text("approval_id");
        acme.api()
                .with("X-User-ID", "alice@example.com")
                .post(step(released, "approve"), Map.of("comment", "Change window is open"))
                .expect(200);
        acme.api().post("/api/v1/workflows/" + released + "/complete").expect(200);
        String refused = acme.api().createWorkflow("refused");
        acme.api().gate(refused, "deploy", DEPLOY).expect(200);
        acme.api()
                .with("X-User-ID", "bob@example.com")
                .post(step(refused, "reject"), Map.of("reason", "Production freeze is on"))
                .expect(200);
        String broken = acme.api().createWorkflow("broken");
        acme.api()
                .post("/api/v1/workflows/" + broken + "/fail", Map.of("reason", "tool crashed"))
                .expect(200);

        Map<String, Receiver.Request> byKey = receiver.await("/all", 7, WAIT).stream()
                .collect(Collectors.toMap(
                        r -> body(r).path("event").asText() + "@"
                                + body(r).path("data").path("workflow_id").asText(),
                        Function.identity()));
        assertThat(byKey).hasSize(7);
        for (Receiver.Request r : byKey.values()) {
            assertDelivery(r, acme.name(), "whsec_all");
        }

        JsonNode required = data(byKey.get("step.approval_required@" + released));
        assertThat(required.path("step_id").asText()).isEqualTo("deploy");
        assertThat(required.path("step_name").asText()).isEqualTo("deploy");
        assertThat(required.path("step_type").asText()).isEqualTo("connector_call");
        assertThat(required.path("step_index").asInt()).isEqualTo(1);
        assertThat(required.path("decision").asText()).isEqualTo("require_approval");
        assertThat(required.path("approval_status").asText()).isEqualTo("pending");
        assertThat(required.path("approval_id").asText()).isEqualTo(approvalId);
        assertThat(required.path("reason").asText()).isEqualTo("Deployment steps require human approval");
        assertThat(required.path("status").asText()).isEqualTo("in_progress");
        assertThat(required.path("workflow_name").asText()).isEqualTo("release");

        JsonNode approved = data(byKey.get("step.approved@" + released));
        assertThat(approved.path("decision").asText()).isEqualTo("allow");
        assertThat(approved.path("approval_status").asText()).isEqualTo("approved");
        assertThat(approved.path("approved_by").asText()).isEqualTo("alice@example.com");
        assertThat(approved.path("comment").asText()).isEqualTo("Change window is open");
        assertThat(approved.path("approval_id").asText()).isEqualTo(approvalId);

        JsonNode completed = data(byKey.get("workflow.completed@" + released));
        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(completed.path("total_steps").asInt()).isEqualTo(1);
        assertThat(completed.has("step_id")).isFalse();

        JsonNode rejected = data(byKey.get("step.rejected@" + refused));
        assertThat(rejected.path("decision").asText()).isEqualTo("block");
        assertThat(rejected.path("rejected_by").asText()).isEqualTo("bob@example.com");
        assertThat(rejected.path("reason").asText()).isEqualTo("Production freeze is on");
        assertThat(rejected.path("status").asText()).isEqualTo("aborted");

        JsonNode aborted = data(byKey.get("workflow.aborted@" + refused));
        assertThat(aborted.path("reason").asText()).isEqualTo("Step deploy rejected by bob@example.com");
        assertThat(data(byKey.get("workflow.failed@" + broken)).path("reason").asText())
                .isEqualTo("tool crashed");
        assertThat(byKey).containsKey("step.approval_required@" + refused);
    }

    @Test
    void failedAttempt_isRetried_withTheSameDeliveryIdBodyAndSignature() throws Exception {
        Tenant acme = newTenant();
        receiver.script("/flaky", 500);
        subscribe(acme, Map.of("url", receiver.url("/flaky"), "events", List.of("workflow.completed"), "secret", "k"));
        String id = acme.api().createWorkflow("flaky");
        acme.api().post("/api/v1/workflows/" + id + "/complete").expect(200);

        List<Receiver.Request> attempts = receiver.await("/flaky", 2, WAIT);
        Receiver.Request first = attempts.get(0);
        Receiver.Request second = attempts.get(1);
        assertDelivery(second, acme.name(), "k");
        assertThat(second.header("X-Arbiter-Delivery")).isEqualTo(first.header("X-Arbiter-Delivery"));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("X-Arbiter-Signature")).isEqualTo(first.header("X-Arbiter-Signature"));
        assertThat(Duration.between(first.at(), second.at())).isGreaterThanOrEqualTo(FAST.retryBackoff());
        Thread.sleep(500);
        assertThat(receiver.requests("/flaky"))
                .as("delivered once it succeeded")
                .hasSize(2);
        assertThat(outboxRow(first)).isEqualTo("done 2");
    }

    @Test
    void lastFailedAttempt_isKeptAsFailed_withItsError() throws Exception {
        Tenant acme = newTenant();
        receiver.script("/down", 503, 503, 503, 503, 503);
        subscribe(acme, Map.of("url", receiver.url("/down"), "events", List.of("workflow.aborted")));
        String id = acme.api().createWorkflow("doomed");
        acme.api().post("/api/v1/workflows/" + id + "/abort").expect(200);

        List<Receiver.Request> attempts = receiver.await("/down", FAST.maxAttempts(), WAIT);
        assertThat(attempts.get(0).header("X-Arbiter-Signature"))
                .as("no secret, no signature")
                .isNull();
        Instant deadline = Instant.now().plus(WAIT);
        while (!outboxRow(attempts.get(0)).startsWith("failed") && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(outboxRow(attempts.get(0))).isEqualTo("failed 3 HTTP 503");
        Thread.sleep(600);
        assertThat(receiver.requests("/down")).as("no attempt after the last").hasSize(FAST.maxAttempts());
    }

    @Test
    void inactiveSubscriptions_andUnsubscribedEvents_getNothing() throws Exception {
        Tenant acme = newTenant();
        String paused =
                subscribe(acme, Map.of("url", receiver.url("/paused"), "events", List.of("*"), "active", false));
        String otherEvent =
                subscribe(acme, Map.of("url", receiver.url("/failures"), "events", List.of("workflow.failed")));
        String wanted =
                subscribe(acme, Map.of("url", receiver.url("/completions"), "events", List.of("workflow.completed")));
        String id = acme.api().createWorkflow("quiet");
        acme.api().post("/api/v1/workflows/" + id + "/complete").expect(200);

        receiver.await("/completions", 1, WAIT);
        assertThat(queuedFor(paused)).isZero();
        assertThat(queuedFor(otherEvent)).isZero();

        acme.api().send("PUT", WEBHOOKS + "/" + wanted, "{\"active\": false}").expect(200);
        String later = acme.api().createWorkflow("after-pause");
        acme.api().post("/api/v1/workflows/" + later + "/complete").expect(200);
        assertThat(queuedFor(wanted)).as("only the first completion was queued").isEqualTo(1);
        Thread.sleep(300);
        assertThat(receiver.requests("/paused")).isEmpty();
        assertThat(receiver.requests("/failures")).isEmpty();
        assertThat(receiver.requests("/completions")).hasSize(1);
    }

    @Test
    void eventsOfOneTenant_neverReachAnotherTenantsSubscription() throws Exception {
        Tenant acme = newTenant();
        Tenant globex = newTenant();
        String spy = subscribe(globex, Map.of("url", receiver.url("/globex"), "events", List.of("*")));
        subscribe(acme, Map.of("url", receiver.url("/acme"), "events", List.of("*")));
        String id = acme.api().createWorkflow("private");
        acme.api().post("/api/v1/workflows/" + id + "/fail").expect(200);

        Receiver.Request mine = receiver.await("/acme", 1, WAIT).get(0);
        assertThat(body(mine).path("tenant_id").asText()).isEqualTo(acme.name());
        assertThat(queuedFor(spy)).isZero();
        Thread.sleep(300);
        assertThat(receiver.requests("/globex")).isEmpty();
    }

    @Test
    void slowSubscriber_delaysNoOtherSubscriber() throws Exception {
        Tenant acme = newTenant();
        receiver.delay("/slow", Duration.ofMillis(700));
        subscribe(acme, Map.of("url", receiver.url("/slow"), "events", List.of("workflow.completed")));
        subscribe(acme, Map.of("url", receiver.url("/fast"), "events", List.of("workflow.completed")));
        int events = 12;
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < events; i++) {
            ids.add(acme.api().createWorkflow("burst-" + i));
        }
        for (String id : ids) {
            acme.api().post("/api/v1/workflows/" + id + "/complete").expect(200);
        }
        List<Receiver.Request> fast = receiver.await("/fast", events, WAIT);
        List<Receiver.Request> slow = receiver.await("/slow", events, Duration.ofSeconds(30));
        assertThat(fast.get(events - 1).at())
                .as("the fast subscriber had every event before the slow one got its ninth")
                .isBefore(slow.get(8).at());
        assertThat(receiver.maxConcurrent("/slow")).isBetween(2, 4);
    }

    private void assertDelivery(Receiver.Request r, String tenant, String secret) throws Exception {
        JsonNode body = body(r);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("X-Arbiter-Event")).isEqualTo(body.path("event").asText());
        assertThat(r.header("X-Arbiter-Delivery")).matches("dlv_[0-9a-f]{32}");
        String expected = "sha256=" + hmac(secret, r.body());
        assertThat(r.header("X-Arbiter-Signature")).isEqualTo(expected);
        assertThat(r.header("X-AxonFlow-Signature")).isEqualTo(expected);
        assertThat(body.path("id").asText()).matches("evt_[0-9a-f]{32}");
        assertThat(body.path("tenant_id").asText()).isEqualTo(tenant);
        assertThat(Instant.parse(body.path("created_at").asText())).isBefore(Instant.now());
        assertThat(body.path("data").path("workflow_id").asText()).startsWith("wf_");
    }

    /** Counts the outbox messages queued for a subscription (its id appears in their payload). */
    private long queuedFor(String webhookId) throws SQLException {
        try (var c = sql();
                var st = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE topic = 'webhook' AND payload LIKE ?")) {
            st.setString(1, "%\"" + webhookId + "\"%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@code done <attempts>}, {@code failed <attempts> <last error>} or {@code pending} for a delivery's message. */
    private String outboxRow(Receiver.Request delivery) throws SQLException {
        try (var c = sql();
                var st = c.prepareStatement("SELECT attempts, done_at, failed_at, last_error FROM outbox"
                        + " WHERE topic = 'webhook' AND payload LIKE ?")) {
            st.setString(1, "%\"" + delivery.header("X-Arbiter-Delivery") + "\"%");
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                if (rs.getObject("failed_at") != null) {
                    return "failed " + rs.getInt("attempts") + " " + rs.getString("last_error");
                }
                return rs.getObject("done_at") != null ? "done " + rs.getInt("attempts") : "pending";
            }
        }
    }

    private static String step(String workflowId, String action) {
        return "/api/v1/workflows/" + workflowId + "/steps/deploy/" + action;
    }

    private static JsonNode body(Receiver.Request r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("delivery body is not JSON: " + r.text(), e);
        }
    }

    private static JsonNode data(Receiver.Request r) {
        return body(r).path("data");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
