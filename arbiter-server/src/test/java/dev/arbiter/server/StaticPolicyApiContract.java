package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.IssuedClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The static-policy API (contract §2.4) over real HTTP in enterprise mode: the read-only system tier, tenant
 * CRUD with RE2 validation, the enable toggle, versions and rollback, the effective set and the pattern test,
 * every error in the static envelope {@code {"error": {"code": <status>, "message"}}}.
 */
abstract class StaticPolicyApiContract extends ServerContract {
    static final String BASE = "/api/v1/static-policies";

    Client acme;
    Client globex;

    @Override
    ServerConfig configure(ServerConfig base) {
        return base.withMode(Mode.ENTERPRISE);
    }

    @BeforeAll
    void clients() {
        acme = tenantClient("acme");
        globex = tenantClient("globex");
    }

    Client tenantClient(String tenant) {
        IssuedClient issued = app.database().inTransaction(tx -> tx.clients().create(tenant, "it"));
        return client(
                "X-Client-ID", issued.client().clientId(), "X-Client-Secret", issued.secret(), "X-User-ID", "ana");
    }

    static String expectStaticError(Reply reply, int status) {
        reply.expect(status).assertNoInternals();
        assertThat(reply.json().path("error").path("code").asInt())
                .as(reply.body())
                .isEqualTo(status);
        return reply.json().path("error").path("message").asText();
    }

    static Map<String, Object> employeeIds(String name) {
        return new HashMap<>(Map.of(
                "name", name,
                "category", "pii-custom",
                "pattern", "\\bEMP-\\d{6}\\b",
                "severity", "high",
                "action", "redact",
                "description", "internal employee ids"));
    }

    @Test
    void systemTier_isListedAndReadable_butReadOnly() {
        JsonNode page = acme.get(BASE + "?tier=system&category=pii-us&limit=100")
                .expect(200)
                .json();
        List<String> ids = new ArrayList<>();
        page.path("policies").forEach(p -> ids.add(p.path("policy_id").asText()));
        assertThat(ids).contains("sys_pii_ssn");
        assertThat(page.path("pagination").path("total_items").asInt()).isEqualTo(ids.size());
        JsonNode ssn = acme.get(BASE + "/sys_pii_ssn").expect(200).json();
        assertThat(ssn.path("tier").asText()).isEqualTo("system");
        assertThat(ssn.path("tenant_id").asText()).isEqualTo("global");

        assertThat(expectStaticError(acme.send("PUT", BASE + "/sys_pii_ssn", "{\"action\": \"log\"}"), 403))
                .isEqualTo("System policies cannot be modified");
        assertThat(expectStaticError(acme.send("DELETE", BASE + "/sys_pii_ssn", null), 403))
                .isEqualTo("System policies cannot be deleted");
        assertThat(expectStaticError(acme.send("PATCH", BASE + "/sys_pii_ssn", "{\"enabled\": false}"), 403))
                .isEqualTo("System policies cannot be disabled via API");
        Map<String, Object> system = employeeIds("my-system");
        system.put("tier", "system");
        assertThat(expectStaticError(acme.post(BASE, system), 403))
                .isEqualTo("Cannot create system-tier policies via API");
        assertThat(acme.get(BASE + "/sys_pii_ssn/versions")
                        .expect(200)
                        .json()
                        .path("count")
                        .asInt())
                .isZero();
    }

    @Test
    void create_validates_andIsScopedToTheTenant() {
        JsonNode created =
                acme.post(BASE, employeeIds("employee-ids")).expect(201).json();
        String id = created.path("id").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(created.path("policy_id").asText()).isEqualTo("employee-ids");
        assertThat(created.path("tier").asText()).isEqualTo("tenant");
        assertThat(created.path("phase").asText()).isEqualTo("both");
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(acme.get(BASE + "/" + id).expect(200).json()).isEqualTo(created);
        assertThat(acme.get(BASE + "/employee-ids")
                        .expect(200)
                        .json()
                        .path("id")
                        .asText())
                .isEqualTo(id);
        expectStaticError(globex.get(BASE + "/" + id), 404);
        expectStaticError(globex.get(BASE + "/employee-ids"), 404);
        expectStaticError(globex.send("PATCH", BASE + "/" + id, "{\"enabled\": false}"), 404);

        assertThat(expectStaticError(acme.post(BASE, employeeIds("employee-ids")), 409))
                .contains("employee-ids");
        Map<String, Object> regex = employeeIds("broken");
        regex.put("pattern", "(unclosed");
        assertThat(expectStaticError(acme.post(BASE, regex), 400)).contains("pattern: invalid regex");
        Map<String, Object> lookahead = employeeIds("lookahead");
        lookahead.put("pattern", "(?=x)y");
        assertThat(expectStaticError(acme.post(BASE, lookahead), 400)).contains("pattern");
        assertThat(expectStaticError(acme.post(BASE, Map.of("pattern", "x")), 400))
                .contains("name: is required")
                .contains("category: is required")
                .contains("action: is required");
        Map<String, Object> unknown = employeeIds("unknown");
        unknown.put("colour", "red");
        assertThat(expectStaticError(acme.post(BASE, unknown), 400)).contains("colour: unknown field");
        Map<String, Object> shadowing = employeeIds("sys_pii_ssn");
        assertThat(expectStaticError(acme.post(BASE, shadowing), 400)).contains("system policy");
        expectStaticError(acme.post(BASE, "{broken"), 400);
    }

    @Test
    void toggleUpdateVersionsAndRollback() {
        String id = acme.post(BASE, employeeIds("badge-ids"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        JsonNode off = acme.send("PATCH", BASE + "/" + id, "{\"enabled\": false}")
                .expect(200)
                .json();
        assertThat(off.path("enabled").asBoolean()).isFalse();
        assertThat(off.path("version").asInt()).isEqualTo(2);
        assertThat(effectiveIds(acme)).doesNotContain("badge-ids").contains("sys_pii_ssn");
        acme.send("PATCH", BASE + "/" + id, "{\"enabled\": true}").expect(200);
        assertThat(effectiveIds(acme)).contains("badge-ids");
        expectStaticError(acme.send("PATCH", BASE + "/" + id, "{\"enabled\": \"no\"}"), 400);

        JsonNode changed = acme.send("PUT", BASE + "/" + id, "{\"pattern\": \"\\\\bBDG-\\\\d{4}\\\\b\"}")
                .expect(200)
                .json();
        assertThat(changed.path("version").asInt()).isEqualTo(4);
        assertThat(changed.path("category").asText()).isEqualTo("pii-custom");
        JsonNode versions = acme.get(BASE + "/" + id + "/versions").expect(200).json();
        assertThat(versions.path("count").asInt()).isEqualTo(4);
        assertThat(versions.path("versions").get(0).path("change_summary").asText())
                .startsWith("pattern:");

        JsonNode rolled = acme.post(BASE + "/" + id + "/rollback", Map.of("version", 1))
                .expect(200)
                .json();
        assertThat(rolled.path("version").asInt()).isEqualTo(5);
        assertThat(rolled.path("pattern").asText()).isEqualTo("\\bEMP-\\d{6}\\b");
        acme.send("DELETE", BASE + "/" + id, null).expect(204);
        expectStaticError(acme.get(BASE + "/" + id), 404);
        assertThat(acme.get(BASE + "/" + id + "/versions").json().path("count").asInt())
                .isEqualTo(6);
    }

    @Test
    void patternTest_reportsMatches_andInvalidPatterns() {
        JsonNode result = acme.post(
                        BASE + "/test",
                        Map.of("pattern", "\\b\\d{3}-\\d{2}-\\d{4}\\b", "inputs", List.of("SSN: 123-45-6789", "none")))
                .expect(200)
                .json();
        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("matched").asBoolean()).isTrue();
        assertThat(result.path("matches").get(0).path("matched").asBoolean()).isTrue();
        assertThat(result.path("matches").get(1).path("matched").asBoolean()).isFalse();
        JsonNode single = acme.post(BASE + "/test", Map.of("pattern", "abc", "input", "xabcx"))
                .expect(200)
                .json();
        assertThat(single.path("matches")).hasSize(1);
        JsonNode invalid = acme.post(BASE + "/test", Map.of("pattern", "(x", "inputs", List.of("x")))
                .expect(200)
                .json();
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.path("error").asText()).contains("invalid regex");
        assertThat(expectStaticError(acme.post(BASE + "/test", Map.of("inputs", List.of("x"))), 400))
                .isEqualTo("pattern is required");
    }

    List<String> effectiveIds(Client client) {
        List<String> ids = new ArrayList<>();
        client.get(BASE + "/effective")
                .expect(200)
                .json()
                .path("static")
                .forEach(p -> ids.add(p.path("policy_id").asText()));
        return ids;
    }
}
