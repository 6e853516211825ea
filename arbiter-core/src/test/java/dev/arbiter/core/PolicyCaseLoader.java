package dev.arbiter.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads case files: a YAML list of cases, a single case, or an object with a {@code cases} list. Kept free of JUnit
 * so that the CLI ({@code arbiter policies test -f cases.yaml}) can reuse it.
 */
final class PolicyCaseLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyCaseLoader() {}

    static List<PolicyCase> load(Path file) {
        Object tree;
        try {
            tree = YAML.readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case file " + file, e);
        }
        return cases(tree, file.getFileName().toString());
    }

    static List<PolicyCase> cases(Object tree, String source) {
        List<?> entries;
        if (tree instanceof Map<?, ?> map && map.get("cases") instanceof List<?> list) {
            entries = list;
        } else if (tree instanceof Map<?, ?> map) {
            entries = List.of(map);
        } else if (tree instanceof List<?> list) {
            entries = list;
        } else {
            throw new IllegalArgumentException(source + ": expected a list of cases");
        }
        List<PolicyCase> cases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            cases.add(toCase(entries.get(i), source + "#" + i));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static PolicyCase toCase(Object entry, String source) {
        if (!(entry instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(source + ": a case must be an object");
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        String note = require(map, "note", String.class, source);
        List<Object> policies = require(map, "policies", List.class, source);
        Map<String, Object> context = map.get("context") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        String probe = map.get("pii_probe") == null ? null : String.valueOf(map.get("pii_probe"));
        String wantError = map.get("want_error") instanceof String s ? s : null;
        String wantErrorMessage = map.get("want_error_message") instanceof String s ? s : null;
        PolicyCase.Want want = null;
        if (map.get("want") instanceof Map<?, ?> w) {
            want = want((Map<String, Object>) w, source);
        }
        if ((want == null) == (wantError == null)) {
            throw new IllegalArgumentException(source + ": a case needs exactly one of want and want_error");
        }
        return new PolicyCase(source, note, policies, context, probe, want, wantError, wantErrorMessage);
    }

    private static PolicyCase.Want want(Map<String, Object> want, String source) {
        return new PolicyCase.Want(
                require(want, "decision", String.class, source),
                ids(want.get("matched")),
                ids(want.get("shadow")),
                ids(want.get("errors")),
                want.get("reason") instanceof String reason ? reason : null,
                want.get("evaluated") instanceof Integer evaluated ? evaluated : null);
    }

    private static List<String> ids(Object raw) {
        if (raw == null) {
            return List.of();
        }
        return ((List<?>) raw).stream().map(String::valueOf).toList();
    }

    private static <T> T require(Map<String, Object> map, String key, Class<T> type, String source) {
        Object value = map.get(key);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(
                    source + ": '" + key + "' is required and must be a " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
