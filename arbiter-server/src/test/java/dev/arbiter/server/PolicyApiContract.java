package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.store.IssuedClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dynamic-policy API (contract §2.1, §2.5) over real HTTP in enterprise mode with two tenants: every
 * endpoint, its errors in the dynamic-policy envelope, the seed shorthand round trip, versions and rollback.
 */
abstract class PolicyApiContract extends ServerContract {
    static final String BASE = "/api/v1/tenant-policies";

    /** The seed 001 examples, posted exactly as the seed prints them. */
    static final List<String> SEED_EXAMPLES = List.of("""
            {
            "name": "block-gpt4-in-workflows",
            "scope": "workflow",
            "conditions": {
            "step_type": "llm_call",
            "model": "gpt-4"
            },
            "action": "block",
            "reason": "GPT-4 not allowed in production workflows"
            }""", """
            {
            "name": "require-approval-for-deploy",
            "scope": "workflow",
            "conditions": {
            "step_type": "connector_call",
            "step_name": "deploy"
            },
            "action": "require_approval",
            "reason": "Deployment steps require human approval"
            }""", """
            {
            "name": "block-pii-in-workflow-inputs",
            "scope": "workflow",
            "conditions": {
            "step_input.contains_pii": true
            },
            "action": "block",
            "reason": "PII detected in workflow step input"
            }""", """
            {
            "name": "block-code-executor",
            "scope": "workflow",
            "conditions": {
            "tool_name": "code_executor"
            },
            "action": "block",
            "reason": "Code execution not allowed in production"
            }""", """
            {
            "name": "block-dangerous-sql",
            "scope": "workflow",
            "conditions": {
            "tool_name": "sql_query",
            "tool_input.query": { "contains": "DROP TABLE" }
            },
            "action": "block",
            "reason": "Destructive SQL operations blocked"
            }""");

    Client acme;
    Client globex;
    String[] acmeCredentials;

    @Override
    ServerConfig configure(ServerConfig base) {
        try {
            Path file = Files.writeString(dataDir.resolve("global.yaml"), """
                    - name: global-log-everything
                      category: dynamic-risk
                      conditions: [{field: step_type, operator: exists, value: true}]
                      actions: [{type: log}]
                      priority: 5
                    """);
            return base.withMode(Mode.ENTERPRISE).withPolicyFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    void clients() {
        acmeCredentials = credentials("acme");
        acme = client(acmeCredentials).with("X-User-ID", "ana");
        globex = tenantClient("globex");
    }

    /** A client of a new API client of {@code tenant}, acting as user {@code ana}. */
    Client tenantClient(String tenant) {
        return client(credentials(tenant)).with("X-User-ID", "ana");
    }

    String[] credentials(String tenant) {
        IssuedClient issued = app.database().inTransaction(tx -> tx.clients().create(tenant, "it"));
        return new String[] {"X-Client-ID", issued.client().clientId(), "X-Client-Secret", issued.secret()};
    }

    static JsonNode expectPolicyError(Reply reply, int status, String code) {
        reply.expect(status).assertNoInternals();
        assertThat(reply.json().path("error").path("code").asText())
                .as("code in %s", reply.body())
                .isEqualTo(code);
        assertThat(reply.json().path("error").path("message").isTextual()).isTrue();
        return reply.json().path("error");
    }

    static List<String> detailFields(JsonNode error) {
        List<String> fields = new ArrayList<>();
        error.path("details").forEach(d -> fields.add(d.path("field").asText()));
        return fields;
    }

    static Map<String, Object> canonical(String name) {
        return Map.of(
                "name",
                name,
                "description",
                "blocks " + name,
                "type",
                "content",
                "category",
                "dynamic-security",
                "conditions",
                List.of(Map.of("field", "tool_name", "operator", "equals", "value", name)),
                "actions",
                List.of(Map.of("type", "block", "config", Map.of("reason", name + " is blocked"))),
                "priority",
                50,
                "tags",
                List.of("it"));
    }

    String create(Client client, Object body) {
        return client.post(BASE, body)
                .expect(201)
                .json()
                .path("policy")
                .path("id")
                .asText();
    }

    @Test
    void create_canonical_returns201_andGetReturnsIt() {
        Reply created = acme.post(BASE, canonical("p-create")).expect(201);
        JsonNode policy = created.json().path("policy");
        assertThat(policy.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(policy.path("version").asInt()).isEqualTo(1);
        assertThat(policy.path("tenant_id").asText()).isEqualTo("acme");
        assertThat(policy.path("created_by").asText()).isEqualTo("ana");
        assertThat(policy.path("mode").asText()).isEqualTo("enforce");
        assertThat(policy.path("enabled").asBoolean()).isTrue();

        Reply got = acme.get(BASE + "/" + policy.path("id").asText()).expect(200);
        assertThat(got.json().path("policy")).isEqualTo(policy);
    }

    @Test
    void seedShorthand_isAccepted_andStoredInCanonicalForm() {
        for (String example : SEED_EXAMPLES) {
            Client tenant = tenantClient("seed-" + Math.abs(example.hashCode()));
            String id = create(tenant, example);
            JsonNode policy = tenant.get(BASE + "/" + id).expect(200).json().path("policy");
            assertThat(policy.path("conditions").isArray()).isTrue();
            assertThat(policy.path("actions").isArray()).isTrue();
            assertThat(policy.path("category").asText()).isEqualTo("dynamic-workflow");
            assertThat(policy.path("tags").get(0).asText()).isEqualTo("scope:workflow");
            assertThat(policy.has("scope")).isFalse();
            assertThat(policy.has("action")).isFalse();
        }
        Client tenant = tenantClient("seed-sql");
        String id = create(tenant, SEED_EXAMPLES.get(4));
        JsonNode sql = tenant.get(BASE + "/" + id).json().path("policy");
        assertThat(sql.path("conditions").get(1).path("field").asText()).isEqualTo("tool_input.query");
        assertThat(sql.path("conditions").get(1).path("operator").asText()).isEqualTo("contains");
        assertThat(sql.path("conditions").get(1).path("value").asText()).isEqualTo("DROP TABLE");
        assertThat(sql.path("actions").get(0).path("type").asText()).isEqualTo("block");
        assertThat(sql.path("actions").get(0).path("config").path("reason").asText())
                .isEqualTo("Destructive SQL operations blocked");
        // The canonical form sent back as it is (read-only members included) is accepted unchanged.
        Reply put = tenant.send("PUT", BASE + "/" + id, Client.json(sql)).expect(200);
        assertThat(put.json().path("policy").path("version").asInt()).isEqualTo(1);
    }

    @Test
    void create_badInput_isRejectedWithPaths_andWritesNothing() {
        Client tenant = tenantClient("bad-input");
        Map<String, Object> good = canonical("p-bad");
        Map<String, Object> unknown = new java.util.HashMap<>(good);
        unknown.put("colour", "red");
        assertThat(detailFields(expectPolicyError(tenant.post(BASE, unknown), 400, "VALIDATION_ERROR")))
                .containsExactly("colour");

        Map<String, Object> nested = new java.util.HashMap<>(good);
        nested.put("conditions", List.of(Map.of("field", "a", "operator", "equals", "value", "b", "op", "x")));
        assertThat(detailFields(expectPolicyError(tenant.post(BASE, nested), 400, "VALIDATION_ERROR")))
                .containsExactly("conditions[0].op");

        Map<String, Object> regex = new java.util.HashMap<>(good);
        regex.put("conditions", List.of(Map.of("field", "a", "operator", "regex", "value", "(unclosed")));
        assertThat(detailFields(expectPolicyError(tenant.post(BASE, regex), 400, "VALIDATION_ERROR")))
                .containsExactly("conditions[0].value");

        Map<String, Object> cel = new java.util.HashMap<>(good);
        cel.put("expression", "step_type ==");
        assertThat(detailFields(expectPolicyError(tenant.post(BASE, cel), 400, "VALIDATION_ERROR")))
                .containsExactly("expression");

        Map<String, Object> category = new java.util.HashMap<>(good);
        category.put("category", "security-sqli");
        assertThat(detailFields(expectPolicyError(tenant.post(BASE, category), 400, "VALIDATION_ERROR")))
                .containsExactly("category");
        Map<String, Object> noCategory = new java.util.HashMap<>(good);
        noCategory.remove("category");
        assertThat(detailFields(expectPolicyError(tenant.post(BASE, noCategory), 400, "VALIDATION_ERROR")))
                .containsExactly("category");

        expectPolicyError(tenant.post(BASE, "{\"name\": "), 400, "INVALID_JSON");
        expectPolicyError(tenant.post(BASE, "[1, 2]"), 400, "INVALID_JSON");
        Map<String, Object> system = new java.util.HashMap<>(good);
        system.put("tier", "system");
        assertThat(expectPolicyError(tenant.post(BASE, system), 403, "FORBIDDEN")
                        .path("message")
                        .asText())
                .isEqualTo("Cannot create system-tier policies via API");

        assertThat(tenant.get(BASE)
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total_items")
                        .asInt())
                .isZero();
        create(tenant, good);
        assertThat(expectPolicyError(tenant.post(BASE, good), 409, "CONFLICT")
                        .path("message")
                        .asText())
                .contains("p-bad");
        assertThat(tenant.get(BASE)
                        .json()
                        .path("pagination")
                        .path("total_items")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void ids_malformedUnknownOrOfAnotherTenant_are400Or404() {
        String id = create(acme, canonical("p-tenancy"));
        assertThat(expectPolicyError(acme.get(BASE + "/not-a-uuid"), 400, "BAD_REQUEST")
                        .path("message")
                        .asText())
                .isEqualTo("Invalid policy ID format");
        assertThat(expectPolicyError(acme.get(BASE + "/" + java.util.UUID.randomUUID()), 404, "NOT_FOUND")
                        .path("message")
                        .asText())
                .isEqualTo("Dynamic policy not found");
        expectPolicyError(globex.get(BASE + "/" + id), 404, "NOT_FOUND");
        expectPolicyError(globex.send("PUT", BASE + "/" + id, "{\"priority\": 1}"), 404, "NOT_FOUND");
        expectPolicyError(globex.send("DELETE", BASE + "/" + id, null), 404, "NOT_FOUND");
        expectPolicyError(globex.get(BASE + "/" + id + "/versions"), 404, "NOT_FOUND");
        expectPolicyError(globex.post(BASE + "/" + id + "/rollback", Map.of("version", 1)), 404, "NOT_FOUND");
        expectPolicyError(globex.post(BASE + "/" + id + "/test", Map.of("query", "x")), 404, "NOT_FOUND");
        acme.get(BASE + "/" + id).expect(200);
    }

    @Test
    void list_filtersAndPages() {
        Client tenant = tenantClient("listing");
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = new java.util.HashMap<>(canonical("list-" + i));
            body.put("priority", i);
            body.put("type", i % 2 == 0 ? "content" : "risk");
            body.put("enabled", i != 4);
            create(tenant, body);
        }
        JsonNode page = tenant.get(BASE + "?limit=2&page=2").expect(200).json();
        assertThat(page.path("policies")).hasSize(2);
        assertThat(page.path("policies").get(0).path("name").asText()).isEqualTo("list-2");
        assertThat(page.path("pagination").path("page").asInt()).isEqualTo(2);
        assertThat(page.path("pagination").path("page_size").asInt()).isEqualTo(2);
        assertThat(page.path("pagination").path("total_items").asInt()).isEqualTo(5);
        assertThat(page.path("pagination").path("total_pages").asInt()).isEqualTo(3);
        assertThat(tenant.get(BASE + "?type=risk").json().path("policies")).hasSize(2);
        assertThat(tenant.get(BASE + "?enabled=false").json().path("policies")).hasSize(1);
        assertThat(tenant.get(BASE + "?search=LIST-3").json().path("policies")).hasSize(1);
        assertThat(tenant.get(BASE + "?category=dynamic-cost").json().path("policies"))
                .isEmpty();
        assertThat(tenant.get(BASE + "?page_size=1").json().path("policies")).hasSize(1);
        expectPolicyError(tenant.get(BASE + "?enabled=maybe"), 400, "BAD_REQUEST");
    }

    @Test
    void update_versions_andRollback() {
        String id = create(acme, canonical("p-versions"));
        JsonNode v2 = acme.send("PUT", BASE + "/" + id, "{\"priority\": 90}")
                .expect(200)
                .json()
                .path("policy");
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("priority").asInt()).isEqualTo(90);
        assertThat(v2.path("description").asText()).isEqualTo("blocks p-versions");
        JsonNode v3 = client(acmeCredentials)
                .with("X-User-ID", "bo")
                .send("PUT", BASE + "/" + id, "{\"mode\": \"shadow\", \"enabled\": false}")
                .expect(200)
                .json()
                .path("policy");
        assertThat(v3.path("version").asInt()).isEqualTo(3);
        assertThat(v3.path("updated_by").asText()).isEqualTo("bo");
        acme.send("PUT", BASE + "/" + id, "{\"priority\": 90}").expect(200);
        expectPolicyError(acme.send("PUT", BASE + "/" + id, "{\"priority\": \"high\"}"), 400, "VALIDATION_ERROR");

        JsonNode versions =
                acme.get(BASE + "/" + id + "/versions").expect(200).json().path("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).path("version").asInt()).isEqualTo(3);
        assertThat(versions.get(0).path("change_type").asText()).isEqualTo("updated");
        assertThat(versions.get(0).path("changed_by").asText()).isEqualTo("bo");
        assertThat(versions.get(0).path("change_summary").asText()).contains("mode: enforce -> shadow");
        assertThat(versions.get(2).path("snapshot").path("priority").asInt()).isEqualTo(50);

        JsonNode rolled = acme.post(BASE + "/" + id + "/rollback", Map.of("version", 1, "reason", "bad rollout"))
                .expect(200)
                .json()
                .path("policy");
        assertThat(rolled.path("version").asInt()).isEqualTo(4);
        assertThat(rolled.path("priority").asInt()).isEqualTo(50);
        assertThat(rolled.path("mode").asText()).isEqualTo("enforce");
        assertThat(rolled.path("enabled").asBoolean()).isTrue();
        JsonNode latest =
                acme.get(BASE + "/" + id + "/versions").json().path("versions").get(0);
        assertThat(latest.path("change_type").asText()).isEqualTo("rollback");
        assertThat(latest.path("change_summary").asText()).isEqualTo("Rolled back to version 1: bad rollout");
        expectPolicyError(acme.post(BASE + "/" + id + "/rollback", Map.of("version", 9)), 404, "NOT_FOUND");
        assertThat(detailFields(expectPolicyError(
                        acme.post(BASE + "/" + id + "/rollback", Map.of("version", "one")), 400, "VALIDATION_ERROR")))
                .containsExactly("version");
    }

    @Test
    void delete_isSoft_andRollbackRestores() {
        String id = create(acme, canonical("p-delete"));
        acme.send("DELETE", BASE + "/" + id, null).expect(204);
        expectPolicyError(acme.get(BASE + "/" + id), 404, "NOT_FOUND");
        expectPolicyError(acme.send("DELETE", BASE + "/" + id, null), 404, "NOT_FOUND");
        JsonNode versions =
                acme.get(BASE + "/" + id + "/versions").expect(200).json().path("versions");
        assertThat(versions.get(0).path("change_type").asText()).isEqualTo("deleted");
        assertThat(versions.get(0).path("snapshot").path("deleted_at").isTextual())
                .isTrue();
        acme.post(BASE + "/" + id + "/rollback", Map.of("version", 1)).expect(200);
        acme.get(BASE + "/" + id).expect(200);
    }

    @Test
    void importExport_roundTrip_andModes() {
        Client tenant = tenantClient("importer");
        Map<String, Object> body = Map.of("policies", List.of(canonical("imp-a"), canonical("imp-b")));
        JsonNode first = tenant.post(BASE + "/import", body).expect(200).json();
        assertThat(first.path("created").asInt()).isEqualTo(2);
        assertThat(first.has("errors")).isFalse();

        JsonNode exported = tenant.get(BASE + "/export").expect(200).json();
        assertThat(exported.path("tenant_id").asText()).isEqualTo("importer");
        assertThat(exported.path("policies")).hasSize(2);
        JsonNode again = tenant.post(
                        BASE + "/import", Map.of("policies", exported.path("policies"), "overwrite_mode", "overwrite"))
                .expect(200)
                .json();
        assertThat(again.path("unchanged").asInt()).isEqualTo(2);
        assertThat(again.path("updated").asInt()).isZero();

        Map<String, Object> changed = new java.util.HashMap<>(canonical("imp-a"));
        changed.put("priority", 7);
        JsonNode overwrite = tenant.post(
                        BASE + "/import", Map.of("policies", List.of(changed), "overwrite_mode", "overwrite"))
                .expect(200)
                .json();
        assertThat(overwrite.path("updated").asInt()).isEqualTo(1);
        assertThat(overwrite.path("results").get(0).path("changes").get(0).asText())
                .isEqualTo("priority: 50 -> 7");
        JsonNode skip = tenant.post(BASE + "/import", Map.of("policies", List.of(canonical("imp-a"))))
                .expect(200)
                .json();
        assertThat(skip.path("skipped").asInt()).isEqualTo(1);
        expectPolicyError(
                tenant.post(
                        BASE + "/import",
                        Map.of("policies", List.of(canonical("imp-c"), canonical("imp-a")), "overwrite_mode", "error")),
                409,
                "CONFLICT");

        Map<String, Object> bad = new java.util.HashMap<>(canonical("imp-d"));
        bad.put("conditions", List.of(Map.of("field", "a", "operator", "equal", "value", "b")));
        JsonNode invalid = expectPolicyError(
                tenant.post(BASE + "/import", Map.of("policies", List.of(canonical("imp-e"), bad))),
                400,
                "VALIDATION_ERROR");
        assertThat(detailFields(invalid)).containsExactly("policies[1].conditions[0].operator");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(canonical("many-" + i));
        }
        assertThat(expectPolicyError(
                                tenant.post(BASE + "/import", Map.of("policies", tooMany)), 400, "VALIDATION_ERROR")
                        .path("message")
                        .asText())
                .isEqualTo("Maximum 100 policies per import");
        expectPolicyError(tenant.post(BASE + "/import", Map.of("policies", List.of())), 400, "VALIDATION_ERROR");
        assertThat(tenant.get(BASE)
                        .json()
                        .path("pagination")
                        .path("total_items")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void effective_includesGlobalPolicies_byPriority() {
        Client tenant = tenantClient("effective");
        Map<String, Object> high = new java.util.HashMap<>(canonical("eff-high"));
        high.put("priority", 100);
        create(tenant, high);
        Map<String, Object> off = new java.util.HashMap<>(canonical("eff-off"));
        off.put("enabled", false);
        create(tenant, off);
        JsonNode effective = tenant.get(BASE + "/effective").expect(200).json();
        List<String> names = new ArrayList<>();
        effective.path("policies").forEach(p -> names.add(p.path("name").asText()));
        assertThat(names).containsExactly("eff-high", "global-log-everything");
        assertThat(effective.path("tenant_set_version").asLong()).isPositive();
    }

    @Test
    void testEndpoint_explainsMatchAndMiss() {
        String id = create(acme, canonical("p-test"));
        JsonNode hit = acme.post(
                        BASE + "/" + id + "/test", Map.of("query", "x", "context", Map.of("tool_name", "p-test")))
                .expect(200)
                .json();
        assertThat(hit.path("matched").asBoolean()).isTrue();
        assertThat(hit.path("blocked").asBoolean()).isTrue();
        assertThat(hit.path("outcome").asText()).isEqualTo("block");
        assertThat(hit.path("actions").get(0).path("message").asText()).isEqualTo("p-test is blocked");
        assertThat(hit.path("eval_time_ms").isNumber()).isTrue();
        JsonNode miss = acme.post(
                        BASE + "/" + id + "/test", Map.of("query", "x", "context", Map.of("tool_name", "other")))
                .expect(200)
                .json();
        assertThat(miss.path("matched").asBoolean()).isFalse();
        assertThat(miss.path("explanation").asText()).contains("tool_name equals p-test does not hold");
        expectPolicyError(acme.post(BASE + "/" + id + "/test", Map.of()), 400, "VALIDATION_ERROR");
        assertThat(detailFields(expectPolicyError(
                        acme.post(BASE + "/" + id + "/test", Map.of("query", "x", "usr", Map.of())),
                        400,
                        "VALIDATION_ERROR")))
                .containsExactly("usr");
    }

    @Test
    void legacyPath_answersTheSame_withDeprecationHeaders() {
        String id = create(acme, canonical("p-legacy"));
        Reply legacy = acme.get("/api/v1/dynamic-policies/" + id).expect(200);
        assertThat(legacy.headers().firstValue("Deprecation")).contains("true");
        assertThat(legacy.headers().firstValue("Link"))
                .contains("</api/v1/tenant-policies/" + id + ">; rel=\"successor-version\"");
        assertThat(legacy.json()).isEqualTo(acme.get(BASE + "/" + id).json());
        assertThat(acme.get(BASE + "/" + id).headers().firstValue("Deprecation"))
                .isEmpty();
        expectPolicyError(acme.get("/api/v1/dynamic-policies/nope"), 400, "BAD_REQUEST");
    }
}
