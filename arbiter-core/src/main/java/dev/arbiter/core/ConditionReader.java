package dev.arbiter.core;

import java.util.List;
import java.util.Map;

/**
 * Reads the {@code conditions} member of a policy document in either form, into {@link Condition}s and the path
 * that names each one in errors.
 *
 * <ul>
 *   <li>Canonical list: {@code [{"field": f, "operator": op, "value": v}, ...]}; path {@code conditions[i]}.
 *   <li>Shorthand object: {@code {"model": "gpt-4"}} is {@code equals}; {@code {"model": ["a", "b"]}} is {@code in};
 *       {@code {"tool_input.query": {"contains": "DROP TABLE"}}} names the operator, and an operator object with
 *       several operators adds one condition per operator. Conditions are numbered in the order they are written,
 *       so the path is again {@code conditions[i]}.
 * </ul>
 */
final class ConditionReader {
    private final List<Condition> conditions;
    private final List<String> paths;
    private final List<FieldError> errors;

    private ConditionReader(List<Condition> conditions, List<String> paths, List<FieldError> errors) {
        this.conditions = conditions;
        this.paths = paths;
        this.errors = errors;
    }

    /** Appends what {@code raw} holds to {@code conditions} and {@code paths}, and problems to {@code errors}. */
    static void read(Object raw, List<Condition> conditions, List<String> paths, List<FieldError> errors) {
        ConditionReader reader = new ConditionReader(conditions, paths, errors);
        switch (raw) {
            case null -> {}
            case List<?> list -> reader.readList(list);
            case Map<?, ?> map -> reader.readShorthand(map);
            default ->
                errors.add(new FieldError(
                        "conditions", "must be a list of conditions or an object of field: value pairs"));
        }
    }

    private void readList(List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            String path = "conditions[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                errors.add(new FieldError(path, "must be an object with field, operator and value"));
                continue;
            }
            String field = text(entry.get("field"), path + ".field");
            String operator = text(entry.get("operator"), path + ".operator");
            Object value = entry.get("value");
            if (value == null) {
                errors.add(new FieldError(path + ".value", "is required"));
            }
            if (field != null && operator != null && value != null) {
                add(new Condition(field, operator, value), path);
            }
        }
    }

    private void readShorthand(Map<?, ?> map) {
        int index = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String field = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> operators) {
                if (operators.isEmpty()) {
                    errors.add(new FieldError(
                            "conditions[" + index++ + "]", "operator object for '" + field + "' is empty"));
                }
                for (Map.Entry<?, ?> operator : operators.entrySet()) {
                    shorthand(field, String.valueOf(operator.getKey()), operator.getValue(), index++);
                }
            } else if (value instanceof List<?>) {
                shorthand(field, Operator.IN.wireName(), value, index++);
            } else {
                shorthand(field, Operator.EQUALS.wireName(), value, index++);
            }
        }
    }

    private void shorthand(String field, String operator, Object value, int index) {
        String path = "conditions[" + index + "]";
        if (value == null) {
            errors.add(new FieldError(path + ".value", "is required (condition on '" + field + "')"));
            return;
        }
        add(new Condition(field, operator, value), path);
    }

    private void add(Condition condition, String path) {
        conditions.add(condition);
        paths.add(path);
    }

    private String text(Object value, String path) {
        if (value instanceof String text) {
            return text;
        }
        errors.add(new FieldError(path, value == null ? "is required" : "must be a string"));
        return null;
    }
}
