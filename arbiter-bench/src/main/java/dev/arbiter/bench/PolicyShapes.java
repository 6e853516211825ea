package dev.arbiter.bench;

import java.util.List;
import java.util.Map;

/**
 * The three policy shapes of benchmark B2, written as the canonical AxonFlow JSON tree that
 * {@code PolicyParser.parse} reads: equality conditions the index can use, contains/regex conditions it
 * cannot, and CEL expressions.
 */
enum PolicyShapes {
    INDEXABLE {
        @Override
        Map<String, Object> policy(int i) {
            return canonical(
                    i,
                    List.of(
                            condition("tool_name", "equals", "tool_" + i),
                            condition("step_type", "equals", "tool_call")),
                    null);
        }
    },
    CONTAINS_REGEX {
        @Override
        Map<String, Object> policy(int i) {
            Map<String, Object> condition = i % 2 == 0
                    ? condition("tool_input.query", "contains", "needle_" + i + "_")
                    : condition("tool_input.query", "regex", "select .* from table_" + i + "\\b");
            return canonical(i, List.of(condition), null);
        }
    },
    CEL {
        @Override
        Map<String, Object> policy(int i) {
            return canonical(i, List.of(), "tool_name == 'tool_" + i + "' && step_type == 'tool_call'");
        }
    };

    abstract Map<String, Object> policy(int i);

    /** A context that the policy with index {@code i} matches (the last one, in the benchmark). */
    static Map<String, Object> contextMatching(int i) {
        return Map.of(
                "step_type",
                "tool_call",
                "step_name",
                "tools/tool_" + i,
                "model",
                "gpt-4o",
                "provider",
                "openai",
                "tool_name",
                "tool_" + i,
                "tool_input.query",
                "please run needle_" + i + "_ and select * from table_" + i + " now");
    }

    /** A context that no policy matches. */
    static Map<String, Object> contextMatchingNone() {
        return Map.of(
                "step_type", "tool_call",
                "step_name", "tools/unknown",
                "model", "gpt-4o",
                "provider", "openai",
                "tool_name", "unknown_tool",
                "tool_input.query", "a harmless query about the weather in Lisbon");
    }

    private static Map<String, Object> canonical(int i, List<Map<String, Object>> conditions, String expression) {
        Map<String, Object> policy = new java.util.LinkedHashMap<>();
        policy.put("id", "p-" + i);
        policy.put("name", "policy " + i);
        policy.put("type", "content");
        policy.put("category", "dynamic-security");
        policy.put("conditions", conditions);
        policy.put("actions", List.of(Map.of("type", "block", "config", Map.of("reason", "blocked " + i))));
        policy.put("priority", i % 100);
        policy.put("enabled", true);
        if (expression != null) {
            policy.put("expression", expression);
        }
        return policy;
    }

    private static Map<String, Object> condition(String field, String operator, Object value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }
}
