package dev.arbiter.core;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Validates one {@link Condition} and turns it into a {@link CompiledCondition}. Stateless. */
final class ConditionCompiler {
    /** Field paths longer than this are not context keys but mistakes; resolution cost grows with segments. */
    static final int MAX_FIELD_LENGTH = 256;

    /** Longer patterns are rejected: RE2J is linear in the input, but compiled size grows with the pattern. */
    static final int MAX_REGEX_LENGTH = 4_096;

    private ConditionCompiler() {}

    /** The compiled condition, or {@code null} after adding the problems to {@code errors} under {@code path}. */
    static CompiledCondition compile(Condition condition, String path, List<FieldError> errors) {
        int before = errors.size();
        String field = condition.field();
        if (field.isBlank()) {
            errors.add(new FieldError(path + ".field", "is required"));
        } else if (field.length() > MAX_FIELD_LENGTH) {
            errors.add(new FieldError(path + ".field", "must be at most " + MAX_FIELD_LENGTH + " characters"));
        }
        Optional<Operator> operator = Operator.fromWireName(condition.operator());
        if (operator.isEmpty()) {
            errors.add(new FieldError(path + ".operator", "unknown operator '" + condition.operator() + "'"));
            return null;
        }
        ValueTest test = test(operator.get(), condition.value(), path + ".value", errors);
        if (test == null || errors.size() > before) {
            return null;
        }
        return new CompiledCondition(FieldRef.of(field), test, indexKeys(test));
    }

    private static ValueTest test(Operator operator, Object value, String path, List<FieldError> errors) {
        String name = operator.wireName();
        return switch (operator) {
            case EQUALS ->
                scalar(value, name, path, errors) ? new ValueTest.Equal(new EqualitySet(List.of(value))) : null;
            case NOT_EQUALS ->
                scalar(value, name, path, errors)
                        ? new ValueTest.Not(new ValueTest.Equal(new EqualitySet(List.of(value))))
                        : null;
            case IN ->
                scalarList(value, name, path, errors) ? new ValueTest.Equal(new EqualitySet((List<?>) value)) : null;
            case NOT_IN ->
                scalarList(value, name, path, errors)
                        ? new ValueTest.Not(new ValueTest.Equal(new EqualitySet((List<?>) value)))
                        : null;
            case CONTAINS -> needle(value, name, path, errors) ? new ValueTest.Contains(lower(value)) : null;
            case NOT_CONTAINS ->
                needle(value, name, path, errors) ? new ValueTest.Not(new ValueTest.Contains(lower(value))) : null;
            case CONTAINS_ANY -> containsAny(value, path, errors);
            case REGEX -> regex(value, path, errors);
            case GREATER_THAN, LESS_THAN -> compare(operator, value, path, errors);
            case EXISTS -> {
                if (value instanceof Boolean expected) {
                    yield new ValueTest.Exists(expected);
                }
                errors.add(new FieldError(path, "operator 'exists' needs true or false"));
                yield null;
            }
        };
    }

    private static boolean scalar(Object value, String operator, String path, List<FieldError> errors) {
        if (isScalar(value)) {
            return true;
        }
        errors.add(new FieldError(path, "operator '" + operator + "' needs a string, number or boolean"));
        return false;
    }

    private static boolean scalarList(Object value, String operator, String path, List<FieldError> errors) {
        if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(ConditionCompiler::isScalar)) {
            return true;
        }
        errors.add(new FieldError(
                path, "operator '" + operator + "' needs a non-empty list of strings, numbers or booleans"));
        return false;
    }

    private static boolean needle(Object value, String operator, String path, List<FieldError> errors) {
        if (!scalar(value, operator, path, errors)) {
            return false;
        }
        if (Scalars.stringify(value).isEmpty()) {
            errors.add(new FieldError(path, "operator '" + operator + "' needs a non-empty value"));
            return false;
        }
        return true;
    }

    private static ValueTest containsAny(Object value, String path, List<FieldError> errors) {
        if (!scalarList(value, "contains_any", path, errors)) {
            return null;
        }
        List<?> list = (List<?>) value;
        String[] needles = new String[list.size()];
        for (int i = 0; i < needles.length; i++) {
            needles[i] = lower(list.get(i));
            if (needles[i].isEmpty()) {
                errors.add(new FieldError(path + "[" + i + "]", "must not be empty"));
                return null;
            }
        }
        return new ValueTest.ContainsAny(needles);
    }

    private static ValueTest regex(Object value, String path, List<FieldError> errors) {
        if (!(value instanceof String pattern) || pattern.isEmpty()) {
            errors.add(new FieldError(path, "operator 'regex' needs a non-empty pattern string"));
            return null;
        }
        if (pattern.length() > MAX_REGEX_LENGTH) {
            errors.add(new FieldError(path, "regex must be at most " + MAX_REGEX_LENGTH + " characters"));
            return null;
        }
        try {
            return new ValueTest.Regex(Pattern.compile(pattern));
        } catch (PatternSyntaxException e) {
            errors.add(new FieldError(path, "invalid regex: " + e.getMessage()));
            return null;
        }
    }

    private static ValueTest compare(Operator operator, Object value, String path, List<FieldError> errors) {
        if (!Scalars.isNumeric(value)) {
            errors.add(new FieldError(path, "operator '" + operator.wireName() + "' needs a number"));
            return null;
        }
        return new ValueTest.Compare(Scalars.toDouble(value), operator == Operator.GREATER_THAN);
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Boolean || Scalars.isNumeric(value);
    }

    /** Needles are lower-cased once here, so evaluation never lower-cases them. */
    private static String lower(Object value) {
        return Scalars.stringify(value).toLowerCase(Locale.ROOT);
    }

    private static Set<String> indexKeys(ValueTest test) {
        return test instanceof ValueTest.Equal equal ? equal.operands().indexKeys() : null;
    }
}
