package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Garbage in, {@link PolicyValidationException} out: random documents (nulls, wrong types, odd numbers, deep nesting)
 * must either parse or fail validation, never throw anything else; what parses must also compile and evaluate.
 */
class PolicyParserFuzzTest {
    private static final List<String> KEYS = List.of(
            "id",
            "name",
            "description",
            "type",
            "category",
            "tier",
            "conditions",
            "actions",
            "action",
            "reason",
            "severity",
            "priority",
            "enabled",
            "tags",
            "expression",
            "mode",
            "scope",
            "field",
            "operator",
            "value",
            "config",
            "step_input.contains_pii",
            "model",
            "contains",
            "regex",
            "in",
            "exists",
            "greater_than");
    private static final List<String> WORDS = List.of(
            "",
            " ",
            "block",
            "require_approval",
            "warn",
            "equals",
            "in",
            "regex",
            "contains",
            "exists",
            "shadow",
            "enforce",
            "(",
            "[a-z",
            "gpt-4",
            "model == 'gpt-4'",
            "model ==",
            "step_input.a > 1",
            "5",
            "-1.5e3",
            "tenant",
            "content",
            "high",
            "\u0000",
            "日本語",
            "a.b.c",
            "context.model",
            "x".repeat(300));

    private final Random random = new Random(20_260_101L);

    @Test
    void parse_randomDocuments_neverThrowsAnythingButValidationErrors() {
        for (int i = 0; i < 5_000; i++) {
            tryParse(randomDocument(0));
        }
    }

    @Test
    void parse_validDocumentWithOneMemberMutated_neverThrowsAnythingButValidationErrors() {
        int parsed = 0;
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> document = validDocument();
            document.put(KEYS.get(random.nextInt(KEYS.size())), randomValue(0));
            if (random.nextBoolean()
                    && document.get("conditions") instanceof List<?> list
                    && !list.isEmpty()
                    && list.get(0) instanceof Map<?, ?> first) {
                Map<Object, Object> condition = new HashMap<>(first);
                condition.put(KEYS.get(random.nextInt(KEYS.size())), randomValue(0));
                document.put("conditions", List.of(condition));
            }
            Policy policy = tryParse(document);
            if (policy != null) {
                parsed++;
                PolicySet set = PolicySet.compile(List.of(policy));
                set.evaluate(PolicyContext.builder()
                        .put("model", randomValue(2))
                        .put("a", randomValue(2))
                        .stepInput(Map.of("a", String.valueOf(randomValue(2))))
                        .build());
            }
        }
        assertThat(parsed).as("mutating one member often leaves a valid policy").isGreaterThan(100);
    }

    @Test
    void parse_deeplyNestedValues_failValidationWithoutStackOverflow() {
        Object deep = "leaf";
        for (int i = 0; i < 10_000; i++) {
            deep = List.of(deep);
        }
        Map<String, Object> document = validDocument();
        document.put("tags", deep);
        document.put("actions", List.of(Map.of("type", "log", "config", Map.of("nested", deep))));
        document.put("expression", "(".repeat(2_000) + "true" + ")".repeat(2_000));

        assertThat(tryParseExpectingFailure(document))
                .extracting(FieldError::field)
                .contains("tags", "expression");
    }

    private Policy tryParse(Map<String, ?> document) {
        try {
            return PolicyParser.parse(document);
        } catch (PolicyValidationException expected) {
            assertThat(expected.errors()).isNotEmpty();
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return fail("document " + document + " threw " + e, e);
        }
    }

    private List<FieldError> tryParseExpectingFailure(Map<String, ?> document) {
        try {
            PolicyParser.parse(document);
            return fail("expected a validation error");
        } catch (PolicyValidationException expected) {
            return expected.errors();
        }
    }

    private Map<String, Object> validDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", "fuzz");
        document.put("conditions", List.of(Map.of("field", "model", "operator", "equals", "value", "gpt-4")));
        document.put("actions", List.of(Map.of("type", "block")));
        return document;
    }

    private Map<String, Object> randomDocument(int depth) {
        Map<String, Object> document = new HashMap<>();
        int members = random.nextInt(8);
        for (int i = 0; i < members; i++) {
            document.put(KEYS.get(random.nextInt(KEYS.size())), randomValue(depth + 1));
        }
        return document;
    }

    private Object randomValue(int depth) {
        int kind = random.nextInt(depth > 3 ? 9 : 12);
        return switch (kind) {
            case 0 -> null;
            case 1 -> WORDS.get(random.nextInt(WORDS.size()));
            case 2 -> random.nextInt(2_000) - 1_000;
            case 3 -> random.nextBoolean();
            case 4 ->
                List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308, 0.1).get(random.nextInt(5));
            case 5 -> new BigDecimal("123456789012345678901234567890.5");
            case 6 -> new BigInteger("98765432109876543210987654321");
            case 7 -> Long.MIN_VALUE;
            case 8 -> new StringBuilder("builder");
            case 9 -> randomDocument(depth);
            case 10 -> {
                List<Object> list = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    list.add(randomValue(depth + 1));
                }
                yield list;
            }
            default ->
                Map.of(
                        "field",
                        "model",
                        "operator",
                        WORDS.get(random.nextInt(WORDS.size())),
                        "value",
                        WORDS.get(random.nextInt(WORDS.size())));
        };
    }
}
