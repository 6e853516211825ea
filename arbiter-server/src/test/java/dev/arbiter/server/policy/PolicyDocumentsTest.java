package dev.arbiter.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static final Map<String, Object> CANONICAL = Map.of(
            "name",
            "p",
            "category",
            "dynamic-risk",
            "conditions",
            List.of(Map.of("field", "model", "operator", "equals", "value", "gpt-4")),
            "actions",
            List.of(Map.of("type", "block", "config", Map.of())));

    @Test
    void parse_canonical_takesTheGivenId() {
        Policy policy = PolicyDocuments.parse(CANONICAL, "id-1");

        assertThat(policy.id()).isEqualTo("id-1");
        assertThat(policy.category()).isEqualTo("dynamic-risk");
    }

    @Test
    void parse_toleratesReadOnlyResourceMembers() {
        Map<String, Object> resource = new java.util.HashMap<>(CANONICAL);
        resource.putAll(Map.of("id", "x", "version", 3, "tenant_id", "t", "created_at", "2026-01-01T00:00:00Z"));

        assertThat(PolicyDocuments.parse(resource, "id-1").id()).isEqualTo("id-1");
    }

    @Test
    void read_reportsEveryProblemWithItsPrefixedPath() {
        Map<String, Object> bad = Map.of(
                "name",
                "p",
                "colour",
                "red",
                "conditions",
                List.of(Map.of("field", "model", "operator", "equal", "value", "x", "extra", 1)),
                "actions",
                List.of(Map.of("type", "block")));
        List<FieldError> errors = new ArrayList<>();

        assertThat(PolicyDocuments.read(bad, "id", "policies[2]", errors)).isNull();

        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "policies[2].colour",
                        "policies[2].conditions[0].extra",
                        "policies[2].category",
                        "policies[2].conditions[0].operator");
    }

    @Test
    void shorthand_mayOmitTheCategory_butNotUseAForeignOne() {
        Map<String, Object> shorthand = Map.of("name", "s", "conditions", Map.of("model", "gpt-4"), "action", "block");
        assertThat(PolicyDocuments.parse(shorthand, "id").category()).isEqualTo("dynamic-security");

        Map<String, Object> foreign = new java.util.HashMap<>(shorthand);
        foreign.put("category", "pii-us");
        assertThatThrownBy(() -> PolicyDocuments.parse(foreign, "id"))
                .isInstanceOfSatisfying(
                        PolicyApiException.class,
                        e -> assertThat(e.fields())
                                .extracting(FieldError::field)
                                .containsExactly("category"));
    }

    @Test
    void merge_keepsAbsentMembers_andShorthandActionReplacesActions() {
        Policy current = PolicyDocuments.parse(CANONICAL, "id");

        Policy merged =
                PolicyDocuments.parse(PolicyDocuments.merge(current, Map.of("priority", 7, "action", "warn")), "id");

        assertThat(merged.priority()).isEqualTo(7);
        assertThat(merged.category()).isEqualTo("dynamic-risk");
        assertThat(merged.actions())
                .singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo("warn"));
    }

    @Test
    void nameLongerThanTheColumn_isRejected() {
        Map<String, Object> long_ = new java.util.HashMap<>(CANONICAL);
        long_.put("name", "n".repeat(256));

        assertThatThrownBy(() -> PolicyDocuments.parse(long_, "id"))
                .isInstanceOfSatisfying(
                        PolicyApiException.class,
                        e -> assertThat(e.fields())
                                .extracting(FieldError::field)
                                .containsExactly("name"));
    }
}
