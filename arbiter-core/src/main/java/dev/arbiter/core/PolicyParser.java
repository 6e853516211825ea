package dev.arbiter.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads policy documents into validated {@link Policy} records, and writes policies back in canonical form.
 *
 * <p>Core has no JSON library: the input is the generic tree ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}) that Jackson or a YAML parser produces. Two forms are accepted:
 *
 * <ul>
 *   <li>the canonical AxonFlow dynamic-policy form: {@code name}, {@code description}, {@code type},
 *       {@code category}, {@code tier}, {@code conditions: [{field, operator, value}]},
 *       {@code actions: [{type, config}]}, {@code priority}, {@code enabled}, {@code tags}, plus Arbiter's
 *       {@code expression} (CEL) and {@code mode} ({@code enforce}|{@code shadow});
 *   <li>the documented shorthand: {@code "scope": "workflow"} (kept as tag {@code scope:workflow}),
 *       {@code conditions} as an object ({@code {"model": "gpt-4"}}, {@code {"tool_input.query": {"contains":
 *       "DROP TABLE"}}}), and {@code "action": "block"} with {@code "reason"} (and {@code "severity"}).
 * </ul>
 *
 * <p>Defaults: {@code id} is derived from the name, {@code type} {@code content}, {@code tier} {@code tenant},
 * {@code category} {@code dynamic-<scope>} or {@code dynamic-security}, {@code priority} 0, {@code enabled} true,
 * {@code mode} {@code enforce}. Stateless and thread-safe.
 */
public final class PolicyParser {
    private PolicyParser() {}

    /**
     * Parses and validates one policy document.
     *
     * @throws PolicyValidationException listing every problem, each with the path of its field (e.g.
     *     {@code conditions[2].operator: unknown operator 'equal'}); no other exception is thrown for bad input
     */
    public static Policy parse(Map<String, ?> document) {
        if (document == null) {
            throw new PolicyValidationException(List.of(new FieldError("", "a policy document is required")));
        }
        return new PolicyReader(document).read();
    }

    /**
     * The canonical form of {@code policy} as a generic tree, ready for a JSON writer: every member present, in a
     * stable order, with {@code expression} only when there is one. Parsing it gives back an equal policy.
     */
    public static Map<String, Object> toCanonicalMap(Policy policy) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", policy.id());
        map.put("name", policy.name());
        map.put("description", policy.description());
        map.put("type", policy.type());
        map.put("category", policy.category());
        map.put("tier", policy.tier());
        List<Object> conditions = new ArrayList<>();
        for (Condition condition : policy.conditions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("field", condition.field());
            entry.put("operator", condition.operator());
            entry.put("value", condition.value());
            conditions.add(Collections.unmodifiableMap(entry));
        }
        map.put("conditions", Collections.unmodifiableList(conditions));
        List<Object> actions = new ArrayList<>();
        for (PolicyAction action : policy.actions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", action.type());
            entry.put("config", action.config());
            actions.add(Collections.unmodifiableMap(entry));
        }
        map.put("actions", Collections.unmodifiableList(actions));
        map.put("priority", policy.priority());
        map.put("enabled", policy.enabled());
        map.put("tags", policy.tags());
        if (policy.expression() != null) {
            map.put("expression", policy.expression());
        }
        map.put("mode", policy.mode().wireName());
        return Collections.unmodifiableMap(map);
    }
}
