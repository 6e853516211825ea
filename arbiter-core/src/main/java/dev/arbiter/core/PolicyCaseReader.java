package dev.arbiter.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns one entry of a case document into a {@link PolicyCase}. Stateless. */
final class PolicyCaseReader {
    private PolicyCaseReader() {}

    @SuppressWarnings("unchecked")
    static PolicyCase read(Object entry, String source, List<?> defaultPolicies) {
        if (!(entry instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException(source + ": a case must be an object");
        }
        Map<String, Object> map = (Map<String, Object>) raw;
        String note = require(map, "note", String.class, source);
        List<Object> policies;
        if (map.get("policies") == null && !defaultPolicies.isEmpty()) {
            policies = new ArrayList<>(defaultPolicies);
        } else {
            policies = require(map, "policies", List.class, source);
        }
        Object rawContext = map.get("context");
        if (rawContext != null && !(rawContext instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(source + ": 'context' must be an object");
        }
        Map<String, Object> context = rawContext == null ? Map.of() : (Map<String, Object>) rawContext;
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
        Object evaluated = want.get("evaluated");
        return new PolicyCase.Want(
                require(want, "decision", String.class, source),
                ids(want.get("matched"), "matched", source),
                ids(want.get("shadow"), "shadow", source),
                ids(want.get("errors"), "errors", source),
                want.get("reason") instanceof String reason ? reason : null,
                evaluated instanceof Number n ? Integer.valueOf(n.intValue()) : null);
    }

    private static List<String> ids(Object raw, String key, String source) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException(source + ": 'want." + key + "' must be a list of policy ids");
        }
        return list.stream().map(String::valueOf).toList();
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
