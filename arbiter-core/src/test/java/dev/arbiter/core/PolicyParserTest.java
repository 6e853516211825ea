package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    @Test
    void parse_canonicalDocument_keepsEveryMember() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", "11111111-2222-3333-4444-555555555555");
        document.put("name", "High-value transfers");
        document.put("description", "Transfers above 10k need a human");
        document.put("type", "risk");
        document.put("category", "dynamic-risk");
        document.put("tier", "organization");
        document.put(
                "conditions",
                List.of(Map.of("field", "tool_input.amount", "operator", "greater_than", "value", 10_000)));
        document.put("actions", List.of(Map.of("type", "require_approval", "config", Map.of("severity", "high"))));
        document.put("priority", 90);
        document.put("enabled", false);
        document.put("tags", List.of("payments"));
        document.put("expression", "tool_name == 'transfer'");
        document.put("mode", "shadow");
        document.put("version", 3);

        Policy policy = PolicyParser.parse(document);

        assertThat(policy.id()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(policy.type()).isEqualTo("risk");
        assertThat(policy.tier()).isEqualTo("organization");
        assertThat(policy.conditions()).containsExactly(new Condition("tool_input.amount", "greater_than", 10_000));
        assertThat(policy.actions()).containsExactly(new PolicyAction("require_approval", Map.of("severity", "high")));
        assertThat(policy.priority()).isEqualTo(90);
        assertThat(policy.enabled()).isFalse();
        assertThat(policy.celExpression()).contains("tool_name == 'transfer'");
        assertThat(policy.mode()).isEqualTo(PolicyMode.SHADOW);
    }

    @Test
    void parse_shorthand_becomesCanonical() {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("tool_name", "sql_query");
        conditions.put("tool_input.query", Map.of("contains", "DROP TABLE"));
        conditions.put("model", List.of("gpt-4", "gpt-4o"));
        Map<String, Object> document = Map.of(
                "name", "block-dangerous-sql",
                "scope", "workflow",
                "conditions", conditions,
                "action", "block",
                "reason", "Destructive SQL operations blocked");

        Map<String, Object> canonical = PolicyParser.toCanonicalMap(PolicyParser.parse(document));

        assertThat(canonical)
                .containsEntry("id", "block-dangerous-sql")
                .containsEntry("type", "content")
                .containsEntry("category", "dynamic-workflow")
                .containsEntry("tier", "tenant")
                .containsEntry("priority", 0)
                .containsEntry("enabled", true)
                .containsEntry("tags", List.of("scope:workflow"))
                .containsEntry("mode", "enforce")
                .doesNotContainKey("expression");
        assertThat(canonical.get("conditions"))
                .isEqualTo(List.of(
                        Map.of("field", "tool_name", "operator", "equals", "value", "sql_query"),
                        Map.of("field", "tool_input.query", "operator", "contains", "value", "DROP TABLE"),
                        Map.of("field", "model", "operator", "in", "value", List.of("gpt-4", "gpt-4o"))));
        assertThat(canonical.get("actions"))
                .isEqualTo(List.of(
                        Map.of("type", "block", "config", Map.of("reason", "Destructive SQL operations blocked"))));
    }

    @Test
    void toCanonicalMap_parsesBackToAnEqualPolicy() {
        Policy original = PolicyParser.parse(Map.of(
                "name",
                "round trip",
                "description",
                "d",
                "conditions",
                Map.of("amount", Map.of("greater_than", 1.5, "less_than", 9)),
                "actions",
                List.of(Map.of("type", "warn", "config", Map.of("reason", "r", "severity", "low"))),
                "tags",
                List.of("a", "b"),
                "expression",
                "model != 'x'",
                "priority",
                -3));

        Policy reparsed = PolicyParser.parse(PolicyParser.toCanonicalMap(original));

        assertThat(reparsed).isEqualTo(original);
    }

    @Test
    void parse_manyProblems_reportsEveryOneWithItsPath() {
        Map<String, Object> document = Map.of(
                "name", "broken",
                "conditions",
                        List.of(
                                Map.of("field", "a", "operator", "equals", "value", "x"),
                                Map.of("field", "b", "operator", "in", "value", "not-a-list"),
                                Map.of("field", "c", "operator", "equal", "value", "z")),
                "actions", List.of(Map.of("type", "deny")),
                "expression", "model ==",
                "mode", "sometimes");

        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(
                        PolicyValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::toString)
                                .contains(
                                        "conditions[1].value: operator 'in' needs a non-empty list of strings, numbers or"
                                                + " booleans",
                                        "conditions[2].operator: unknown operator 'equal'",
                                        "actions[0].type: unknown action type 'deny'",
                                        "mode: must be 'enforce' or 'shadow', not 'sometimes'")
                                .anySatisfy(error -> assertThat(error).startsWith("expression: ")))
                .hasMessageContaining("conditions[2].operator: unknown operator 'equal'");
    }

    @Test
    void parse_invalidRegex_namesTheValue() {
        Map<String, Object> document =
                Map.of("name", "r", "conditions", Map.of("q", Map.of("regex", "(unclosed")), "action", "block");

        assertThatThrownBy(() -> PolicyParser.parse(document))
                .isInstanceOfSatisfying(
                        PolicyValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("conditions[0].value");
                            assertThat(error.message()).startsWith("invalid regex: ");
                        }));
    }

    @Test
    void parse_null_isAValidationError() {
        assertThatThrownBy(() -> PolicyParser.parse(null)).isInstanceOf(PolicyValidationException.class);
    }

    @Test
    void parse_jsonNulls_countAsAbsent() {
        Map<String, Object> document = new HashMap<>();
        document.put("name", "nulls");
        document.put("id", null);
        document.put("description", null);
        document.put("priority", null);
        document.put("enabled", null);
        document.put("tags", null);
        document.put("expression", null);
        document.put("conditions", Map.of("model", "gpt-4"));
        Map<String, Object> config = new HashMap<>();
        config.put("reason", null);
        config.put("severity", "high");
        document.put("actions", List.of(Map.of("type", "block", "config", config)));

        Policy policy = PolicyParser.parse(document);

        assertThat(policy.id()).isEqualTo("nulls");
        assertThat(policy.enabled()).isTrue();
        assertThat(policy.expression()).isNull();
        assertThat(policy.actions().get(0).config()).isEqualTo(Map.of("severity", "high"));
    }

    @Test
    void parse_result_isImmutableAndDetachedFromInput() {
        List<Object> values = new ArrayList<>(List.of("gpt-4"));
        Map<String, Object> conditions = new HashMap<>(Map.of("model", values));
        Policy policy = PolicyParser.parse(Map.of("name", "p", "conditions", conditions, "action", "block"));

        values.add("gpt-4o");
        conditions.put("provider", "openai");

        assertThat(policy.conditions()).containsExactly(new Condition("model", "in", List.of("gpt-4")));
        assertThatThrownBy(() -> ((List<?>) policy.conditions().get(0).value()).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> policy.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void derivedIds_areDeterministicSlugs() {
        assertThat(PolicyIds.fromName("Block GPT-4 in workflows")).isEqualTo("block-gpt-4-in-workflows");
        assertThat(PolicyIds.fromName("  spaced  ")).isEqualTo("spaced");
        assertThat(PolicyIds.fromName("日本語"))
                .isEqualTo(PolicyIds.fromName("日本語"))
                .startsWith("policy-");
        assertThat(PolicyIds.fromName("x".repeat(500))).hasSize(64);
    }

    @Test
    void withId_andWithEnabled_changeOnlyThatMember() {
        Policy policy = PolicyParser.parse(Map.of("name", "p", "conditions", Map.of("a", "b"), "action", "log"));

        assertThat(policy.withId("uuid").id()).isEqualTo("uuid");
        assertThat(policy.withId("uuid").withId("p")).isEqualTo(policy);
        assertThat(policy.withEnabled(false).enabled()).isFalse();
        assertThat(policy.withEnabled(false).name()).isEqualTo("p");
    }
}
