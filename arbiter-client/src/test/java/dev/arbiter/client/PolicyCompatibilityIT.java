package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.client.ScriptedServer.Received;
import dev.arbiter.client.ScriptedServer.Reply;
import dev.arbiter.client.policy.StaticPolicyQuery;
import dev.arbiter.client.policy.TenantPolicyQuery;
import dev.arbiter.client.policy.TenantPolicyRequest;
import dev.arbiter.wire.policy.ImportPoliciesResponse;
import dev.arbiter.wire.policy.OverwriteMode;
import dev.arbiter.wire.policy.PatternTestResponse;
import dev.arbiter.wire.policy.PolicyListResponse;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.PolicyVersionsResponse;
import dev.arbiter.wire.policy.StaticPolicyResource;
import dev.arbiter.wire.policy.StaticPolicyVersionsResponse;
import dev.arbiter.wire.policy.TestPolicyResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The policy methods against a server answering AxonFlow's shapes (Go nulls for empty lists, no
 * {@code mode}, bare arrays, the {@code {"static": [...]}} effective set, the SDKs' pattern test answer),
 * and what the client puts on the wire: methods, paths, query strings and bodies.
 */
class PolicyCompatibilityIT {
    private static final String ID = "6f1c2a3b-0000-4000-8000-000000000001";
    private static final String AXONFLOW_POLICY = """
            {"id": "%s", "name": "block-gpt4", "description": null, "type": "content",
             "category": "dynamic-security", "tier": "tenant",
             "conditions": [{"field": "model", "operator": "equals", "value": "gpt-4"}],
             "actions": [{"type": "block", "config": null}], "priority": 10, "enabled": true, "version": 2,
             "tenant_id": "bank-1", "organization_id": null, "tags": null,
             "created_at": "2026-02-07T10:00:00Z", "updated_at": "2026-02-07T11:00:00Z",
             "created_by": "ana", "updated_by": "bo", "deleted_at": null}""".formatted(ID);
    private static final String AXONFLOW_STATIC = """
            {"id": "sys_pii_ssn", "policy_id": "sys_pii_ssn", "name": "US SSN", "category": "pii-us",
             "tier": "system", "pattern": "\\\\b\\\\d{3}-\\\\d{2}-\\\\d{4}\\\\b", "severity": "critical",
             "description": "", "action": "redact", "priority": 100, "enabled": true, "tenant_id": "global",
             "tags": null, "metadata": null, "version": 1}""";

    private final ScriptedServer server = ScriptedServer.start();
    private final ArbiterClient client = ArbiterClient.create(ArbiterConfig.builder()
            .endpoint(server.endpoint())
            .tenantId("bank-1")
            .build());

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void get_axonFlowResourceWithNullsAndNoMode_isCompleted() {
        server.then(Reply.json(200, "{\"policy\": " + AXONFLOW_POLICY + "}"));

        PolicyResource policy = client.tenantPolicies().get(ID);

        assertThat(policy.mode()).isEqualTo("enforce");
        assertThat(policy.description()).isEmpty();
        assertThat(policy.tags()).isEmpty();
        assertThat(policy.expression()).isNull();
        assertThat(policy.actions())
                .singleElement()
                .satisfies(a -> assertThat(a.config()).isEmpty());
        assertThat(server.received().get(0).method()).isEqualTo("GET");
        assertThat(server.received().get(0).path()).isEqualTo("/api/v1/tenant-policies/" + ID);
    }

    @Test
    void list_bareArrayWithoutPagination_isOnePage_andFiltersAreSent() {
        server.then(Reply.json(200, "[" + AXONFLOW_POLICY + "]"));

        PolicyListResponse page = client.tenantPolicies()
                .list(TenantPolicyQuery.builder()
                        .category("dynamic-security")
                        .enabled(true)
                        .search("gpt 4")
                        .page(2)
                        .limit(10)
                        .build());

        assertThat(page.policies())
                .singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo(ID));
        assertThat(page.pagination().totalItems()).isEqualTo(1);
        assertThat(page.pagination().totalPages()).isEqualTo(1);
        assertThat(server.received().get(0).query())
                .isEqualTo("category=dynamic-security&enabled=true&search=gpt%204&page=2&limit=10");
    }

    @Test
    void createAndUpdate_sendOnlyTheMembersSet() {
        server.then(
                Reply.json(201, "{\"policy\": " + AXONFLOW_POLICY + "}"),
                Reply.json(200, "{\"policy\": " + AXONFLOW_POLICY + "}"));

        client.tenantPolicies()
                .create(TenantPolicyRequest.builder("block-gpt4")
                        .category("dynamic-security")
                        .when("model", "equals", "gpt-4")
                        .action("block", "GPT-4 not allowed")
                        .build());
        client.tenantPolicies()
                .update(
                        ID,
                        TenantPolicyRequest.builder("block-gpt4").priority(20).build());

        List<Received> requests = server.received();
        assertThat(requests.get(0).body())
                .isEqualTo("{\"name\":\"block-gpt4\",\"category\":\"dynamic-security\",\"conditions\":"
                        + "[{\"field\":\"model\",\"operator\":\"equals\",\"value\":\"gpt-4\"}],"
                        + "\"actions\":[{\"type\":\"block\",\"config\":{\"reason\":\"GPT-4 not allowed\"}}]}");
        assertThat(requests.get(1).method()).isEqualTo("PUT");
        assertThat(requests.get(1).body()).isEqualTo("{\"name\":\"block-gpt4\",\"priority\":20}");
    }

    @Test
    void test_answerWithoutOutcome_derivesItFromTheStrongestAction() {
        server.then(Reply.json(200, """
                {"matched": true, "blocked": true, "explanation": "matched",
                 "actions": [{"type": "log", "config": null}, {"type": "block", "config": {"reason": "no"},
                 "message": "no"}], "eval_time_ms": 0.2}"""));

        TestPolicyResponse result = client.tenantPolicies().test(ID, Map.of("model", "gpt-4"));

        assertThat(result.outcome()).isEqualTo("block");
        assertThat(result.actions()).hasSize(2);
        assertThat(server.received().get(0).body()).isEqualTo("{\"context\":{\"model\":\"gpt-4\"}}");
    }

    @Test
    void versions_snapshotsWithoutMode_andImportWithOnlyCounts_areCompleted() {
        server.then(
                Reply.json(200, """
                        {"versions": [{"version": 2, "snapshot": %s, "changed_by": "bo",
                         "changed_at": "2026-02-07T11:00:00Z", "change_type": "updated", "change_summary": null}]}""".formatted(AXONFLOW_POLICY)),
                Reply.json(200, "{\"created\": 1, \"updated\": 0, \"skipped\": 1, \"errors\": null}"));

        PolicyVersionsResponse versions = client.tenantPolicies().versions(ID);
        ImportPoliciesResponse imported = client.tenantPolicies()
                .importPolicies(List.of(TenantPolicyRequest.builder("a").build()), OverwriteMode.OVERWRITE);

        assertThat(versions.versions())
                .singleElement()
                .satisfies(v -> assertThat(v.snapshot().mode()).isEqualTo("enforce"));
        assertThat(imported.created()).isEqualTo(1);
        assertThat(imported.results()).isEmpty();
        assertThat(server.received().get(1).body())
                .isEqualTo("{\"policies\":[{\"name\":\"a\"}],\"overwrite_mode\":\"overwrite\"}");
    }

    @Test
    void staticEffective_axonFlowEnvelopeAndBareArray_areLists() {
        server.then(
                Reply.json(200, "{\"static\": [" + AXONFLOW_STATIC + "], \"dynamic\": [], \"tenant_id\": \"bank-1\"}"),
                Reply.json(200, "[" + AXONFLOW_STATIC + "]"),
                Reply.json(200, "{\"static\": null, \"dynamic\": null}"));

        List<StaticPolicyResource> enveloped = client.staticPolicies().effective();
        List<StaticPolicyResource> bare = client.staticPolicies().effective();
        List<StaticPolicyResource> none = client.staticPolicies().effective();

        assertThat(enveloped).singleElement().satisfies(p -> {
            assertThat(p.phase()).isEqualTo("both");
            assertThat(p.mode()).isEqualTo("enforce");
            assertThat(p.metadata()).isEmpty();
            assertThat(p.tags()).isEmpty();
        });
        assertThat(bare).isEqualTo(enveloped);
        assertThat(none).isEmpty();
    }

    @Test
    void staticCalls_useTheirMethodsPathsAndBodies() {
        server.then(
                Reply.json(200, AXONFLOW_STATIC),
                Reply.json(
                        200,
                        "[{\"version\": 1, \"snapshot\": " + AXONFLOW_STATIC
                                + ", \"changed_at\": \"2026-02-07T10:00:00Z\", \"change_type\": \"created\"}]"),
                Reply.json(
                        200,
                        "{\"policies\": [], \"pagination\": {\"page\": 1, \"page_size\": 5,"
                                + " \"total_items\": 0, \"total_pages\": 0}}"),
                Reply.json(204, ""));

        client.staticPolicies().setEnabled("custom 1", false);
        StaticPolicyVersionsResponse versions = client.staticPolicies().versions("custom 1");
        client.staticPolicies()
                .list(StaticPolicyQuery.builder()
                        .severity("critical")
                        .pageSize(5)
                        .build());
        client.staticPolicies().delete("custom 1");

        List<Received> requests = server.received();
        assertThat(requests.get(0).method()).isEqualTo("PATCH");
        assertThat(requests.get(0).path()).isEqualTo("/api/v1/static-policies/custom 1");
        assertThat(requests.get(0).body()).isEqualTo("{\"enabled\":false}");
        assertThat(versions.policyId()).isEqualTo("custom 1");
        assertThat(versions.count()).isEqualTo(1);
        assertThat(requests.get(2).query()).isEqualTo("severity=critical&page_size=5");
        assertThat(requests.get(3).method()).isEqualTo("DELETE");
    }

    @Test
    void patternTest_sdkShapes_areCompletedFromTheRequest() {
        server.then(
                Reply.json(200, "{\"valid\": true, \"matches\": [{\"input\": \"DROP TABLE x\", \"matched\": true}]}"),
                Reply.json(200, "{\"matched\": false, \"matches\": null, \"error\": \"missing closing )\"}"));

        PatternTestResponse python = client.staticPolicies().testPattern("(?i)drop", List.of("DROP TABLE x"));
        PatternTestResponse invalid = client.staticPolicies().testPattern("(", List.of("x"));

        assertThat(python.matched()).isTrue();
        assertThat(python.pattern()).isEqualTo("(?i)drop");
        assertThat(python.inputs()).containsExactly("DROP TABLE x");
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.matches()).isEmpty();
        assertThat(invalid.error()).isEqualTo("missing closing )");
        assertThat(server.received().get(0).body())
                .isEqualTo("{\"pattern\":\"(?i)drop\",\"inputs\":[\"DROP TABLE x\"]}");
    }

    @Test
    void staticEnvelopeWithIntCode_andDynamicEnvelopeWithDetails_mapToTypedExceptions() {
        server.then(
                Reply.json(403, "{\"error\": {\"code\": 403, \"message\": \"Tenant policy limit reached (30 max)\"}}"),
                Reply.json(400, """
                        {"error": {"code": "VALIDATION_ERROR", "message": "Invalid policy",
                         "details": [{"field": "category", "message": "must start with dynamic-"}]}}"""));

        assertThatThrownBy(() -> client.staticPolicies()
                        .create(dev.arbiter.client.policy.StaticPolicyRequest.of("n", "p", "pii-us", "block")))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.code()).isEqualTo("FORBIDDEN");
                    assertThat(e.serverMessage()).isEqualTo("Tenant policy limit reached (30 max)");
                });
        assertThatThrownBy(() -> client.tenantPolicies()
                        .create(TenantPolicyRequest.builder("n").build()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsExactly(
                                        new ValidationException.FieldError("category", "must start with dynamic-")));
    }

    @Test
    void unreadableAnswer_isAnUnexpectedResponseNotAPartialPolicy() {
        server.then(Reply.json(200, "{\"policy\": {\"name\": \"no id\"}}"));

        assertThatThrownBy(() -> client.tenantPolicies().get(ID)).isInstanceOf(UnexpectedResponseException.class);
    }
}
