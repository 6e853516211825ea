package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The subscription routes (contract §1.1, last row): create, list, read, partial update and delete; every
 * validation error as a 400 that changes nothing; another tenant's subscription as a 404.
 */
abstract class WebhookApiContract extends WebhookSuite {

    @Test
    void crud_roundTrips_andNeverReturnsTheSecret() {
        Tenant acme = newTenant();
        Reply created = acme.api()
                .post(
                        WEBHOOKS,
                        Map.of(
                                "url",
                                "https://hooks.example.com/arbiter",
                                "events",
                                List.of("step.approval_required", "workflow.completed"),
                                "secret",
                                "whsec_do_not_echo",
                                "active",
                                true))
                .expect(201);
        JsonNode hook = created.json();
        String id = hook.path("id").asText();
        assertThat(id).matches("wh_[a-z0-9]{24}");
        assertThat(hook.path("url").asText()).isEqualTo("https://hooks.example.com/arbiter");
        assertThat(hook.path("events").toString()).isEqualTo("[\"step.approval_required\",\"workflow.completed\"]");
        assertThat(hook.path("active").asBoolean()).isTrue();
        assertThat(hook.path("has_secret").asBoolean()).isTrue();
        assertThat(Instant.parse(hook.path("created_at").asText()))
                .isEqualTo(Instant.parse(hook.path("updated_at").asText()));
        assertThat(created.body()).doesNotContain("whsec_do_not_echo");

        Reply read = acme.api().get(WEBHOOKS + "/" + id).expect(200);
        assertThat(read.json()).isEqualTo(hook);
        Reply list = acme.api().get(WEBHOOKS).expect(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(1);
        assertThat(list.json().path("webhooks").get(0)).isEqualTo(hook);
        assertThat(list.body()).doesNotContain("whsec_do_not_echo");

        Reply deleted = acme.api().send("DELETE", WEBHOOKS + "/" + id, null).expect(204);
        assertThat(deleted.body()).isEmpty();
        acme.api().get(WEBHOOKS + "/" + id).expectError(404, "NOT_FOUND");
        acme.api().send("DELETE", WEBHOOKS + "/" + id, null).expectError(404, "NOT_FOUND");
        assertThat(acme.api().get(WEBHOOKS).json().path("total").asInt()).isZero();
    }

    @Test
    void create_defaultsToActive_withoutSecret_andDropsDuplicateEvents() {
        Tenant acme = newTenant();
        JsonNode hook = acme.api()
                .post(WEBHOOKS, Map.of("url", "http://127.0.0.1:9/h", "events", List.of("*", "*", "step.approved")))
                .expect(201)
                .json();
        assertThat(hook.path("active").asBoolean()).isTrue();
        assertThat(hook.path("has_secret").asBoolean()).isFalse();
        assertThat(hook.path("events").toString()).isEqualTo("[\"*\",\"step.approved\"]");
    }

    @Test
    void update_changesOnlyTheFieldsSent_andAnEmptySecretRemovesIt() throws InterruptedException {
        Tenant acme = newTenant();
        JsonNode before = acme.api()
                .post(WEBHOOKS, Map.of("url", "http://127.0.0.1:9/a", "events", List.of("*"), "secret", "k1"))
                .expect(201)
                .json();
        String path = WEBHOOKS + "/" + before.path("id").asText();
        Thread.sleep(5);
        JsonNode paused =
                acme.api().send("PUT", path, "{\"active\": false}").expect(200).json();
        assertThat(paused.path("active").asBoolean()).isFalse();
        assertThat(paused.path("url")).isEqualTo(before.path("url"));
        assertThat(paused.path("events")).isEqualTo(before.path("events"));
        assertThat(paused.path("has_secret").asBoolean()).isTrue();
        assertThat(paused.path("created_at")).isEqualTo(before.path("created_at"));
        assertThat(Instant.parse(paused.path("updated_at").asText()))
                .isAfter(Instant.parse(before.path("updated_at").asText()));

        JsonNode changed = acme.api()
                .send(
                        "PUT",
                        path,
                        Client.json(Map.of(
                                "url",
                                "https://hooks.example.com/b",
                                "events",
                                List.of("workflow.failed"),
                                "secret",
                                "",
                                "active",
                                true)))
                .expect(200)
                .json();
        assertThat(changed.path("url").asText()).isEqualTo("https://hooks.example.com/b");
        assertThat(changed.path("events").toString()).isEqualTo("[\"workflow.failed\"]");
        assertThat(changed.path("has_secret").asBoolean()).isFalse();
        assertThat(changed.path("active").asBoolean()).isTrue();
        assertThat(acme.api().get(path).json()).isEqualTo(changed);
    }

    @Test
    void invalidCreates_are400_andStoreNothing() {
        Tenant acme = newTenant();
        String longUrl = "https://hooks.example.com/" + "a".repeat(2048);
        List<String> bodies = List.of(
                "",
                "not json",
                "[]",
                "{\"events\": [\"*\"]}",
                "{\"url\": \"https://h.example.com\"}",
                "{\"url\": \"\", \"events\": [\"*\"]}",
                "{\"url\": \"/relative/path\", \"events\": [\"*\"]}",
                "{\"url\": \"ftp://files.example.com/x\", \"events\": [\"*\"]}",
                "{\"url\": \"https:///no-host\", \"events\": [\"*\"]}",
                "{\"url\": \"http://exa mple.com\", \"events\": [\"*\"]}",
                "{\"url\": \"" + longUrl + "\", \"events\": [\"*\"]}",
                "{\"url\": 42, \"events\": [\"*\"]}",
                "{\"url\": \"https://h.example.com\", \"events\": []}",
                "{\"url\": \"https://h.example.com\", \"events\": [\"workflow.exploded\"]}",
                "{\"url\": \"https://h.example.com\", \"events\": [\"STEP.APPROVED\"]}",
                "{\"url\": \"https://h.example.com\", \"events\": [null]}",
                "{\"url\": \"https://h.example.com\", \"events\": [1]}",
                "{\"url\": \"https://h.example.com\", \"events\": \"*\"}",
                "{\"url\": \"https://h.example.com\", \"events\": [\"*\"], \"active\": \"yes\"}",
                "{\"url\": \"https://h.example.com\", \"events\": [\"*\"], \"secret\": \"" + "s".repeat(1025) + "\"}");
        for (String body : bodies) {
            Reply reply = acme.api().send("POST", WEBHOOKS, body);
            assertThat(reply.status()).as("status for %s", shorten(body)).isEqualTo(400);
            reply.expectError(400, "BAD_REQUEST");
            assertThat(reply.text("error")).isEqualTo("bad_request");
        }
        assertThat(acme.api().get(WEBHOOKS).json().path("total").asInt()).isZero();
        assertThat(acme.api()
                        .send("POST", WEBHOOKS, "{\"url\": \"https://h.example.com\", \"events\": [\"x.y\"]}")
                        .text("message"))
                .startsWith("events: unknown event 'x.y'; known events are step.approval_required, step.approved,");
    }

    @Test
    void invalidUpdates_are400_andChangeNothing() {
        Tenant acme = newTenant();
        JsonNode before = acme.api()
                .post(WEBHOOKS, Map.of("url", "https://h.example.com/a", "events", List.of("*"), "secret", "k1"))
                .expect(201)
                .json();
        String path = WEBHOOKS + "/" + before.path("id").asText();
        for (String body : List.of(
                "",
                "{",
                "{\"url\": \"mailto:ops@example.com\"}",
                "{\"url\": \"\"}",
                "{\"events\": []}",
                "{\"events\": [\"step.approved\", \"nope\"]}",
                "{\"active\": 1}",
                "{\"secret\": \"" + "s".repeat(1025) + "\"}")) {
            acme.api().send("PUT", path, body).expectError(400, "BAD_REQUEST");
        }
        assertThat(acme.api().get(path).json()).isEqualTo(before);
    }

    @Test
    void anotherTenantsWebhook_is404OnEveryRoute_andUnchanged() {
        Tenant acme = newTenant();
        Tenant globex = newTenant();
        JsonNode hook = acme.api()
                .post(WEBHOOKS, Map.of("url", "https://acme.example.com/h", "events", List.of("*")))
                .expect(201)
                .json();
        String path = WEBHOOKS + "/" + hook.path("id").asText();
        globex.api().get(path).expectError(404, "NOT_FOUND");
        globex.api()
                .send("PUT", path, "{\"url\": \"https://globex.example.com/steal\"}")
                .expectError(404, "NOT_FOUND");
        globex.api().send("DELETE", path, null).expectError(404, "NOT_FOUND");
        assertThat(globex.api().get(WEBHOOKS).json().path("total").asInt()).isZero();
        assertThat(globex.api().get(path).text("message")).isEqualTo("Webhook not found");
        acme.api().get(WEBHOOKS + "/wh_doesnotexist").expectError(404, "NOT_FOUND");
        assertThat(acme.api().get(path).expect(200).json()).isEqualTo(hook);
        client().get(WEBHOOKS).expect(401);
    }

    @Test
    void list_pagesOldestFirst() {
        Tenant acme = newTenant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", List.of("*"));
        for (int i = 0; i < 3; i++) {
            body.put("url", "https://h.example.com/" + i);
            acme.api().post(WEBHOOKS, body).expect(201);
        }
        JsonNode page =
                acme.api().get(WEBHOOKS + "?limit=2&offset=1").expect(200).json();
        assertThat(page.path("total").asInt()).isEqualTo(3);
        assertThat(page.path("webhooks").findValuesAsText("url"))
                .containsExactly("https://h.example.com/1", "https://h.example.com/2");
    }

    private static String shorten(String body) {
        return body.length() <= 100 ? body : body.substring(0, 100) + "...";
    }
}
