package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.client.policy.StaticPolicyQuery;
import dev.arbiter.client.policy.StaticPolicyRequest;
import dev.arbiter.wire.policy.PatternMatch;
import dev.arbiter.wire.policy.PatternTestResponse;
import dev.arbiter.wire.policy.StaticPolicyListResponse;
import dev.arbiter.wire.policy.StaticPolicyResource;
import dev.arbiter.wire.policy.StaticPolicyVersionEntry;
import dev.arbiter.wire.policy.StaticPolicyVersionsResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every static (pattern) policy method against the real server, including the read-only system tier and
 * the static error envelope {@code {"error": {"code": <status>, "message"}}}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaticPoliciesIT {
    private static final String SSN = "sys_pii_ssn";

    private RealServer server;
    private ArbiterClient client;
    private StaticPolicies policies;

    @BeforeAll
    void start() {
        server = RealServer.community();
        client = ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .userId("bo@example.com")
                .build());
        policies = client.staticPolicies();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void create_thenGetByUuidAndReadableId_returnsTheTenantPolicy() {
        String name = unique("internal-hosts");

        StaticPolicyResource created = policies.create(
                StaticPolicyRequest.builder(name, "\\bhost-[0-9]+\\.internal\\b", "sensitive-data", "redact")
                        .severity("high")
                        .tags(List.of("infra"))
                        .build());

        assertThat(created.tier()).isEqualTo("tenant");
        assertThat(created.tenantId()).isEqualTo("community");
        assertThat(created.severity()).isEqualTo("high");
        assertThat(created.phase()).isEqualTo("both");
        assertThat(created.priority()).isEqualTo(50);
        assertThat(created.enabled()).isTrue();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdBy()).isEqualTo("bo@example.com");
        assertThat(policies.get(created.id())).isEqualTo(created);
        assertThat(policies.get(created.policyId()).id()).isEqualTo(created.id());
    }

    @Test
    void systemPolicy_isReadableButNotWritable() {
        StaticPolicyResource ssn = policies.get(SSN);

        assertThat(ssn.tier()).isEqualTo("system");
        assertThat(ssn.tenantId()).isEqualTo("global");
        assertThatThrownBy(() -> policies.setEnabled(SSN, false))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("FORBIDDEN");
                    assertThat(e.serverMessage()).isEqualTo("System policies cannot be disabled via API");
                });
        assertThatThrownBy(() -> policies.update(
                        SSN, StaticPolicyRequest.from(ssn).severity("low").build()))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("System policies cannot be modified"));
        assertThatThrownBy(() -> policies.delete(SSN))
                .isInstanceOfSatisfying(
                        PermissionDeniedException.class,
                        e -> assertThat(e.serverMessage()).isEqualTo("System policies cannot be deleted"));
    }

    @Test
    void create_systemTier_throwsPermissionDenied() {
        StaticPolicyRequest system = StaticPolicyRequest.builder(unique("sys"), "secret", "sensitive-data", "block")
                .tier("system")
                .build();

        assertThatThrownBy(() -> policies.create(system)).isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.code()).isEqualTo("FORBIDDEN");
        });
    }

    @Test
    void create_invalidPattern_throwsValidationNamingTheField() {
        StaticPolicyRequest invalid = StaticPolicyRequest.of(unique("broken"), "(unclosed", "sensitive-data", "block");

        assertThatThrownBy(() -> policies.create(invalid)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("BAD_REQUEST");
            assertThat(e.serverMessage()).startsWith("Request validation failed: pattern:");
            assertThat(e.fieldErrors()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("pattern");
                assertThat(f.message()).startsWith("invalid regex");
            });
        });
    }

    @Test
    void create_duplicateName_throwsConflict() {
        String name = unique("dup");
        policies.create(StaticPolicyRequest.of(name, "secret", "sensitive-data", "block"));

        assertThatThrownBy(() -> policies.create(StaticPolicyRequest.of(name, "other", "sensitive-data", "block")))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    }

    @Test
    void update_setEnabledAndRollback_writeVersions() {
        StaticPolicyResource created =
                policies.create(StaticPolicyRequest.of(unique("rollout"), "token-[a-z]+", "code-secrets", "block"));

        StaticPolicyResource updated = policies.update(
                created.id(),
                StaticPolicyRequest.from(created).pattern("tok-[a-z]+").build());
        StaticPolicyResource disabled = policies.setEnabled(created.id(), false);
        StaticPolicyResource restored = policies.rollback(created.id(), 1, "original pattern");
        StaticPolicyVersionsResponse versions = policies.versions(created.id());

        assertThat(updated.pattern()).isEqualTo("tok-[a-z]+");
        assertThat(disabled.enabled()).isFalse();
        assertThat(restored.pattern()).isEqualTo("token-[a-z]+");
        assertThat(restored.enabled()).isTrue();
        assertThat(restored.version()).isEqualTo(4);
        assertThat(versions.policyId()).isEqualTo(created.id());
        assertThat(versions.count()).isEqualTo(4);
        assertThat(versions.versions())
                .extracting(StaticPolicyVersionEntry::version)
                .containsExactly(4, 3, 2, 1);
        assertThat(versions.versions().get(0).changeType()).isEqualTo("rollback");
        assertThat(versions.versions().get(3).snapshot().pattern()).isEqualTo("token-[a-z]+");
    }

    @Test
    void delete_thenGet_throwsNotFound() {
        StaticPolicyResource created =
                policies.create(StaticPolicyRequest.of(unique("gone"), "gone", "sensitive-data", "log"));

        policies.delete(created.id());

        assertThatThrownBy(() -> policies.get(created.id())).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("NOT_FOUND");
            assertThat(e.serverMessage()).isEqualTo("Policy not found");
        });
        assertThatThrownBy(() -> policies.setEnabled(created.id(), true)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void list_filtersByTierAndSearchWithPaging() {
        String token = unique("listed");
        policies.create(StaticPolicyRequest.of(token + "-a", "aaa", "sensitive-data", "log"));
        policies.create(StaticPolicyRequest.of(token + "-b", "bbb", "sensitive-data", "log"));

        StaticPolicyListResponse own = policies.list(StaticPolicyQuery.builder()
                .tier("tenant")
                .search(token)
                .pageSize(1)
                .build());
        StaticPolicyListResponse system = policies.list(
                StaticPolicyQuery.builder().tier("system").category("pii-us").build());

        assertThat(own.policies()).hasSize(1);
        assertThat(own.pagination().totalItems()).isEqualTo(2);
        assertThat(own.pagination().pageSize()).isEqualTo(1);
        assertThat(system.policies()).extracting(StaticPolicyResource::id).contains(SSN);
        assertThat(system.policies()).allSatisfy(p -> assertThat(p.tier()).isEqualTo("system"));
    }

    @Test
    void effective_holdsEnabledSystemAndOwnPolicies() {
        StaticPolicyResource own =
                policies.create(StaticPolicyRequest.of(unique("effective"), "eff", "sensitive-data", "warn"));
        StaticPolicyResource off =
                policies.create(StaticPolicyRequest.builder(unique("off"), "off", "sensitive-data", "warn")
                        .enabled(false)
                        .build());

        List<StaticPolicyResource> effective = policies.effective();

        assertThat(effective)
                .extracting(StaticPolicyResource::id)
                .contains(SSN, own.id())
                .doesNotContain(off.id());
    }

    @Test
    void testPattern_validAndInvalid_answerWithoutError() {
        PatternTestResponse valid = policies.testPattern("(?i)drop\\s+table", List.of("DROP TABLE users", "hello"));
        PatternTestResponse invalid =
                policies.testPatternAsync("(unclosed", List.of("x")).join();

        assertThat(valid.valid()).isTrue();
        assertThat(valid.matched()).isTrue();
        assertThat(valid.matches())
                .extracting(PatternMatch::input, PatternMatch::matched)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DROP TABLE users", true),
                        org.assertj.core.groups.Tuple.tuple("hello", false));
        assertThat(invalid.valid()).isFalse();
        assertThat(invalid.matched()).isFalse();
        assertThat(invalid.error()).isNotBlank();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
