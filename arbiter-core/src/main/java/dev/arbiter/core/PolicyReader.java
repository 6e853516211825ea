package dev.arbiter.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one policy document (the generic map a JSON or YAML parser produces) into a {@link Policy}, collecting
 * every structural problem; {@link PolicyCompiler} then checks the meaning. A JSON {@code null} member counts as
 * absent. Members it does not know (such as the resource's {@code version} or {@code created_at}) are ignored.
 * One instance per document.
 */
final class PolicyReader {
    static final String DEFAULT_TYPE = "content";
    static final String DEFAULT_TIER = "tenant";
    static final String DEFAULT_CATEGORY = "dynamic-security";

    private final Map<?, ?> document;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<Condition> conditions = new ArrayList<>();
    private final List<String> conditionPaths = new ArrayList<>();
    private final List<PolicyAction> actions = new ArrayList<>();
    private final List<String> actionPaths = new ArrayList<>();

    PolicyReader(Map<?, ?> document) {
        this.document = document;
    }

    /** The policy, validated; or a {@link PolicyValidationException} with every problem found. */
    Policy read() {
        String name = string("name", "");
        String id = string("id", null);
        String scope = string("scope", null);
        List<String> tags = strings("tags");
        if (scope != null && !tags.contains("scope:" + scope)) {
            tags.add("scope:" + scope);
        }
        ConditionReader.read(document.get("conditions"), conditions, conditionPaths, errors);
        readActions();
        Policy policy = new Policy(
                id != null ? id : PolicyIds.fromName(name),
                name,
                string("description", ""),
                string("type", DEFAULT_TYPE),
                string("category", scope != null ? "dynamic-" + scope : DEFAULT_CATEGORY),
                string("tier", DEFAULT_TIER),
                conditions,
                actions,
                integer("priority"),
                bool("enabled"),
                tags,
                expression(),
                mode());
        PolicyCompiler.compile(policy, conditionPaths, actionPaths, errors);
        if (!errors.isEmpty()) {
            throw new PolicyValidationException(firstPerField(errors));
        }
        return policy;
    }

    private void readActions() {
        Object list = document.get("actions");
        Object single = document.get("action");
        String reason = string("reason", null);
        String severity = string("severity", null);
        if (list != null && single != null) {
            errors.add(new FieldError("action", "use either 'action' or 'actions', not both"));
        }
        if (single != null) {
            readAction(single, "action", reason, severity);
        } else if (list instanceof List<?> entries) {
            for (int i = 0; i < entries.size(); i++) {
                readAction(entries.get(i), "actions[" + i + "]", reason, severity);
            }
        } else if (list != null) {
            errors.add(new FieldError("actions", "must be a list of actions"));
        }
    }

    /** One action: a type name, or {@code {type, config}}; shorthand {@code reason}/{@code severity} fill gaps. */
    private void readAction(Object raw, String path, String reason, String severity) {
        String type;
        Map<String, Object> config = new LinkedHashMap<>();
        if (raw instanceof String name) {
            type = name;
        } else if (raw instanceof Map<?, ?> action) {
            if (!(action.get("type") instanceof String name)) {
                errors.add(new FieldError(
                        path + ".type", action.get("type") == null ? "is required" : "must be a string"));
                return;
            }
            type = name;
            Object rawConfig = action.get("config");
            if (rawConfig instanceof Map<?, ?> map) {
                map.forEach((key, value) -> config.put(String.valueOf(key), value));
            } else if (rawConfig != null) {
                errors.add(new FieldError(path + ".config", "must be an object"));
                return;
            }
        } else {
            errors.add(new FieldError(path, "must be an action type or an object with type and config"));
            return;
        }
        if (reason != null) {
            config.putIfAbsent("reason", reason);
        }
        if (severity != null) {
            config.putIfAbsent("severity", severity);
        }
        actions.add(new PolicyAction(type, config));
        actionPaths.add(path);
    }

    private String expression() {
        String expression = string("expression", null);
        return expression == null || expression.isBlank() ? null : expression;
    }

    private PolicyMode mode() {
        String mode = string("mode", null);
        if (mode == null) {
            return PolicyMode.ENFORCE;
        }
        return PolicyMode.fromWireName(mode).orElseGet(() -> {
            errors.add(new FieldError("mode", "must be 'enforce' or 'shadow', not '" + mode + "'"));
            return PolicyMode.ENFORCE;
        });
    }

    private String string(String key, String fallback) {
        Object value = document.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text) {
            return text;
        }
        errors.add(new FieldError(key, "must be a string"));
        return fallback == null ? "" : fallback;
    }

    private int integer(String key) {
        Object value = document.get(key);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number && Scalars.isNumeric(number)) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        errors.add(new FieldError(key, "must be an integer"));
        return 0;
    }

    private boolean bool(String key) {
        Object value = document.get(key);
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        errors.add(new FieldError(key, "must be true or false"));
        return true;
    }

    private List<String> strings(String key) {
        Object value = document.get(key);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            list.forEach(element -> result.add((String) element));
        } else {
            errors.add(new FieldError(key, "must be a list of strings"));
        }
        return result;
    }

    /** One error per field: a field broken in the document is not reported again by the semantic checks. */
    private static List<FieldError> firstPerField(List<FieldError> errors) {
        Map<String, FieldError> first = new LinkedHashMap<>();
        errors.forEach(error -> first.putIfAbsent(error.field(), error));
        return List.copyOf(first.values());
    }
}
