package dev.arbiter.core;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one CEL environment policy expressions are compiled and run in (dev.cel, planner runtime).
 *
 * <p>Variables: {@code ctx} is the whole flat context as {@code map(string, dyn)}; {@code step_input} and
 * {@code tool_input} are the nested inputs as {@code map(string, dyn)}, empty when absent; the {@link #STRINGS}
 * are strings, empty when absent. The standard macros ({@code has}, {@code all}, {@code exists}, {@code map},
 * {@code filter}) are available; they iterate only over the input, so evaluation stays linear. The expression must be
 * of type {@code bool}. Compiler and runtime are
 * immutable and shared; the class is thread-safe.
 */
final class CelEnvironment {
    /** Top-level string variables, taken from the flat context keys of the same name. */
    static final List<String> STRINGS = List.of(
            "step_type",
            "step_name",
            "step_id",
            "model",
            "provider",
            "tool_name",
            "tool_type",
            "workflow_id",
            "workflow_name",
            "request_type",
            "source");

    /** Longer expressions are rejected before parsing; nobody writes a policy condition this long. */
    static final int MAX_LENGTH = 4_096;

    // The planner runtime insists on heterogeneous numeric comparisons (1 == 1.0), which suits JSON numbers.
    private static final CelOptions OPTIONS =
            CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = compiler();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.plannerRuntimeBuilder().setOptions(OPTIONS).build();

    private CelEnvironment() {}

    /** Parses, type-checks and plans {@code expression}; problems go to {@code errors} under {@code field}. */
    static CelExpression compile(String expression, String field, List<FieldError> errors) {
        if (expression.length() > MAX_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
            return null;
        }
        try {
            CelValidationResult result = COMPILER.compile(expression);
            if (result.hasError()) {
                errors.add(new FieldError(field, describe(result.getErrors())));
                return null;
            }
            return new CelExpression(expression, RUNTIME.createProgram(result.getAst()));
        } catch (Exception | StackOverflowError e) {
            // The parser recurses on nesting; a pathological expression must be a validation error, not a crash.
            errors.add(
                    new FieldError(field, "cannot be compiled: " + e.getClass().getSimpleName()));
            return null;
        }
    }

    /** The CEL activation for a flat context: values converted to CEL's Java types (long, double, NullValue). */
    static Map<String, Object> variables(Map<String, Object> flat) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("ctx", convertMap(flat));
        variables.put("step_input", flat.get("step_input") instanceof Map<?, ?> m ? convertMap(m) : Map.of());
        variables.put("tool_input", flat.get("tool_input") instanceof Map<?, ?> m ? convertMap(m) : Map.of());
        for (String name : STRINGS) {
            Object value = flat.get(name);
            variables.put(name, value == null ? "" : Scalars.stringify(value));
        }
        return variables;
    }

    private static CelCompiler compiler() {
        var builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL)
                .addVar("ctx", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("step_input", MapType.create(SimpleType.STRING, SimpleType.DYN))
                .addVar("tool_input", MapType.create(SimpleType.STRING, SimpleType.DYN));
        for (String name : STRINGS) {
            builder.addVar(name, SimpleType.STRING);
        }
        return builder.build();
    }

    private static String describe(List<CelIssue> issues) {
        return issues.stream().map(CelEnvironment::describe).collect(Collectors.joining("; "));
    }

    private static String describe(CelIssue issue) {
        var location = issue.getSourceLocation();
        if (location.getLine() <= 0) {
            return issue.getMessage();
        }
        return issue.getMessage() + " at " + location.getLine() + ":" + (location.getColumn() + 1);
    }

    private static Map<String, Object> convertMap(Map<?, ?> map) {
        Map<String, Object> converted = new HashMap<>(map.size() * 2);
        map.forEach((key, value) -> converted.put(String.valueOf(key), convert(value)));
        return converted;
    }

    private static Object convert(Object value) {
        return switch (value) {
            case null -> NullValue.NULL_VALUE;
            case String text -> text;
            case Boolean bool -> bool;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger big -> big.bitLength() < 64 ? (Object) big.longValue() : big.doubleValue();
            case BigDecimal decimal -> decimal.doubleValue();
            case Number number -> number.doubleValue();
            case Map<?, ?> map -> convertMap(map);
            case List<?> list -> {
                List<Object> converted = new ArrayList<>(list.size());
                list.forEach(element -> converted.add(convert(element)));
                yield converted;
            }
            default -> Scalars.stringify(value);
        };
    }
}
