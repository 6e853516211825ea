package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.client.policy.TenantPolicyQuery;
import dev.arbiter.client.policy.TenantPolicyRequest;
import dev.arbiter.wire.policy.EffectivePoliciesResponse;
import dev.arbiter.wire.policy.ExportPoliciesResponse;
import dev.arbiter.wire.policy.ImportPoliciesResponse;
import dev.arbiter.wire.policy.ImportResult;
import dev.arbiter.wire.policy.OverwriteMode;
import dev.arbiter.wire.policy.PolicyListResponse;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.PolicyVersionEntry;
import dev.arbiter.wire.policy.PolicyVersionsResponse;
import dev.arbiter.wire.policy.TestPolicyRequest;
import dev.arbiter.wire.policy.TestPolicyResponse;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every tenant (dynamic) policy method against the real server: CRUD, listing filters, effective set,
 * test, versions, rollback, import and export, and the mapping of its errors to typed exceptions.
 * Simulation is {@link PolicySimulationIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantPoliciesIT {
    private RealServer server;
    private ArbiterClient client;
    private TenantPolicies policies;

    @BeforeAll
    void start() {
        server = RealServer.withPolicies(Policies.SEED_001);
        client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .userId("ana@example.com")
                .build());
        policies = client.tenantPolicies();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void create_canonicalPolicy_isStoredAndReadBackWithServerFields() {
        String name = unique("block-shell");

        PolicyResource created = policies.create(blockTool(name, "shell"));
        PolicyResource fetched = policies.get(created.id());

        assertThat(UUID.fromString(created.id())).isNotNull();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.tenantId()).isEqualTo("community");
        assertThat(created.createdBy()).isEqualTo("ana@example.com");
        assertThat(created.mode()).isEqualTo("enforce");
        assertThat(fetched).isEqualTo(created);
        assertThat(fetched.conditions()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("tool_name");
            assertThat(c.operator()).isEqualTo("equals");
            assertThat(c.value()).isEqualTo("shell");
        });
        assertThat(fetched.actions()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("block");
            assertThat(a.config()).containsEntry("reason", "no shell in production");
        });
    }

    @Test
    void createdPolicy_decidesTheVeryNextGate() {
        String tool = unique("shell");
        PolicyResource policy = policies.create(blockTool(unique("block"), tool));
        String workflow = client.createWorkflow("policy-next-gate", WorkflowSource.EXTERNAL)
                .workflowId();

        var gate = client.stepGate(
                workflow,
                "step-1",
                Requests.stepGate("tools/" + tool, StepType.TOOL_CALL)
                        .tool(tool, "function", Map.of())
                        .build());

        assertThat(gate.isBlocked()).isTrue();
        assertThat(gate.policyIds()).containsExactly(policy.id());
        assertThat(gate.reason()).isEqualTo("no shell in production");
    }

    @Test
    void update_onlyPriority_keepsConditionsAndWritesAVersion() {
        PolicyResource created = policies.create(blockTool(unique("prio"), "shell"));

        PolicyResource updated = policies.update(
                created.id(),
                TenantPolicyRequest.builder(created.name()).priority(90).build());

        assertThat(updated.priority()).isEqualTo(90);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.conditions()).isEqualTo(created.conditions());
        assertThat(updated.actions()).isEqualTo(created.actions());
    }

    @Test
    void update_fromStoredPolicy_changesOnlyWhatTheBuilderChanged() {
        PolicyResource created = policies.create(blockTool(unique("from"), "shell"));

        PolicyResource shadowed = policies.update(
                created.id(), TenantPolicyRequest.from(created).mode("shadow").build());

        assertThat(shadowed.mode()).isEqualTo("shadow");
        assertThat(shadowed.conditions()).isEqualTo(created.conditions());
        assertThat(shadowed.version()).isEqualTo(2);
    }

    @Test
    void delete_thenGet_throwsNotFound_andRollbackRestoresIt() {
        PolicyResource created = policies.create(blockTool(unique("deleted"), "shell"));

        policies.delete(created.id());

        assertThatThrownBy(() -> policies.get(created.id())).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("NOT_FOUND");
            assertThat(e.serverMessage()).isEqualTo("Dynamic policy not found");
        });
        PolicyResource restored = policies.rollback(created.id(), 1, "deleted by mistake");
        assertThat(restored.version()).isEqualTo(3);
        assertThat(policies.get(created.id()).name()).isEqualTo(created.name());
    }

    @Test
    void versions_andRollback_restoreAnEarlierDefinitionAsANewVersion() {
        PolicyResource created = policies.create(blockTool(unique("versioned"), "shell"));
        policies.update(
                created.id(),
                TenantPolicyRequest.builder(created.name())
                        .conditions(List.of())
                        .when("tool_name", "equals", "bash")
                        .build());

        PolicyResource rolledBack = policies.rollback(created.id(), 1, "bash was fine");
        PolicyVersionsResponse versions = policies.versions(created.id());

        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(rolledBack.conditions()).isEqualTo(created.conditions());
        assertThat(versions.versions())
                .extracting(PolicyVersionEntry::version, PolicyVersionEntry::changeType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "rollback"),
                        org.assertj.core.groups.Tuple.tuple(2, "updated"),
                        org.assertj.core.groups.Tuple.tuple(1, "created"));
        assertThat(versions.versions().get(0).changedBy()).isEqualTo("ana@example.com");
        assertThat(versions.versions().get(0).changeSummary()).contains("bash was fine");
        assertThat(versions.versions().get(2).snapshot().conditions()).isEqualTo(created.conditions());
    }

    @Test
    void rollback_unknownVersion_throwsNotFound() {
        PolicyResource created = policies.create(blockTool(unique("rb"), "shell"));

        assertThatThrownBy(() -> policies.rollback(created.id(), 7, null))
                .isInstanceOfSatisfying(
                        NotFoundException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("Version 7 of this policy not found"));
    }

    @Test
    void list_searchModeAndPaging_filterOnTheServer() {
        String token = unique("listing");
        policies.create(blockTool(token + "-a", "shell"));
        policies.create(TenantPolicyRequest.from(policies.create(blockTool(token + "-b", "bash")))
                .name(token + "-c")
                .mode("shadow")
                .build());

        PolicyListResponse all =
                policies.list(TenantPolicyQuery.builder().search(token).limit(2).build());
        PolicyListResponse secondPage = policies.list(
                TenantPolicyQuery.builder().search(token).limit(2).page(2).build());
        PolicyListResponse shadow = policies.list(
                TenantPolicyQuery.builder().search(token).mode("shadow").build());

        assertThat(all.policies()).hasSize(2);
        assertThat(all.pagination().totalItems()).isEqualTo(3);
        assertThat(all.pagination().totalPages()).isEqualTo(2);
        assertThat(secondPage.policies()).hasSize(1);
        assertThat(secondPage.pagination().page()).isEqualTo(2);
        assertThat(shadow.policies()).extracting(PolicyResource::name).containsExactly(token + "-c");
    }

    @Test
    void effective_listsTenantAndGlobalPoliciesWithSetVersions() {
        PolicyResource own = policies.create(blockTool(unique("effective"), "shell"));

        EffectivePoliciesResponse effective = policies.effective();

        assertThat(effective.policies()).extracting(PolicyResource::id).contains(own.id());
        assertThat(effective.policies())
                .extracting(PolicyResource::name)
                .contains("block-gpt4-in-workflows", "require-approval-for-deploy");
        assertThat(effective.tenantSetVersion()).isPositive();
        assertThat(effective.globalSetVersion()).isPositive();
    }

    @Test
    void test_matchingAndNonMatchingContexts_explainTheOutcome() {
        PolicyResource policy = policies.create(blockTool(unique("tested"), "shell"));

        TestPolicyResponse hit = policies.test(policy.id(), Map.of("tool_name", "shell"));
        TestPolicyResponse miss =
                policies.test(policy.id(), new TestPolicyRequest("list files", null, "workflow_step_gate", Map.of()));

        assertThat(hit.matched()).isTrue();
        assertThat(hit.blocked()).isTrue();
        assertThat(hit.outcome()).isEqualTo("block");
        assertThat(hit.actions())
                .singleElement()
                .satisfies(a -> assertThat(a.message()).isEqualTo("no shell in production"));
        assertThat(miss.matched()).isFalse();
        assertThat(miss.outcome()).isEqualTo("allow");
        assertThat(miss.explanation()).contains("(the field is missing)");
    }

    @Test
    void test_withoutQueryOrContext_throwsValidationException() {
        PolicyResource policy = policies.create(blockTool(unique("noquery"), "shell"));

        assertThatThrownBy(() -> policies.test(policy.id(), Map.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
                    assertThat(e.serverMessage()).isEqualTo("Query is required for testing");
                });
    }

    @Test
    void importPolicies_skipOverwriteAndError_followTheMode() {
        String token = unique("imported");
        List<TenantPolicyRequest> batch = List.of(blockTool(token + "-a", "shell"), blockTool(token + "-b", "bash"));

        ImportPoliciesResponse first = policies.importPolicies(batch, OverwriteMode.SKIP);
        ImportPoliciesResponse again = policies.importPolicies(batch, OverwriteMode.OVERWRITE);
        ImportPoliciesResponse changed = policies.importPolicies(
                List.of(TenantPolicyRequest.from(
                                policies.get(first.results().get(0).id()))
                        .priority(77)
                        .build()),
                OverwriteMode.OVERWRITE);

        assertThat(first.created()).isEqualTo(2);
        assertThat(first.results()).extracting(ImportResult::result).containsExactly("created", "created");
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.updated()).isZero();
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.results().get(0).changes())
                .anySatisfy(c -> assertThat(c).startsWith("priority"));
        assertThatThrownBy(() -> policies.importPolicies(batch, OverwriteMode.ERROR))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("CONFLICT"));
    }

    @Test
    void export_thenImportIntoAnEmptyTenant_restoresThePolicies() {
        PolicyResource exported = policies.create(blockTool(unique("exported"), "shell"));

        ExportPoliciesResponse export = policies.export();
        policies.delete(exported.id());
        ImportPoliciesResponse restored = policies.importPolicies(export, OverwriteMode.SKIP);

        assertThat(export.tenantId()).isEqualTo("community");
        assertThat(export.policies()).extracting(PolicyResource::id).contains(exported.id());
        assertThat(restored.created()).isEqualTo(1);
        assertThat(restored.results())
                .filteredOn(r -> r.name().equals(exported.name()))
                .singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo("created"));
    }

    @Test
    void create_invalidOperatorAndUnknownMember_throwsValidationWithEveryField() {
        TenantPolicyRequest invalid = TenantPolicyRequest.builder(unique("invalid"))
                .category("dynamic-security")
                .when("tool_name", "equal", "shell")
                .action("block", "no shell")
                .expression("tool_name ==")
                .build();

        assertThatThrownBy(() -> policies.create(invalid)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("VALIDATION_ERROR");
            assertThat(e.fieldErrors())
                    .extracting(ValidationException.FieldError::field)
                    .contains("conditions[0].operator", "expression");
        });
    }

    @Test
    void create_duplicateName_throwsConflict() {
        String name = unique("twice");
        policies.create(blockTool(name, "shell"));

        assertThatThrownBy(() -> policies.create(blockTool(name, "bash")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("CONFLICT");
                });
    }

    @Test
    void create_systemTier_throwsPermissionDenied() {
        TenantPolicyRequest system = TenantPolicyRequest.builder(unique("system"))
                .category("dynamic-security")
                .tier("system")
                .when("tool_name", "equals", "shell")
                .action("block", "no shell")
                .build();

        assertThatThrownBy(() -> policies.create(system)).isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("FORBIDDEN");
            assertThat(e.serverMessage()).isEqualTo("Cannot create system-tier policies via API");
        });
    }

    @Test
    void get_idThatIsNotAUuid_throwsValidationWithBadRequestCode() {
        assertThatThrownBy(() -> policies.get("policy_gpt4_block"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo("BAD_REQUEST");
                    assertThat(e.serverMessage()).isEqualTo("Invalid policy ID format");
                });
        assertThatThrownBy(() -> policies.versions(UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void asyncCalls_chainCreateUpdateAndVersions() {
        String name = unique("async");

        PolicyVersionsResponse versions = policies.createAsync(blockTool(name, "shell"))
                .thenCompose(p -> policies.updateAsync(
                        p.id(), TenantPolicyRequest.builder(name).enabled(false).build()))
                .thenCompose(p -> policies.versionsAsync(p.id()))
                .join();

        assertThat(versions.versions()).hasSize(2);
        assertThat(versions.versions().get(0).snapshot().enabled()).isFalse();
    }

    private static TenantPolicyRequest blockTool(String name, String tool) {
        return TenantPolicyRequest.builder(name)
                .description("blocks " + tool)
                .type("content")
                .category("dynamic-security")
                .when("tool_name", "equals", tool)
                .action("block", "no shell in production")
                .build();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
