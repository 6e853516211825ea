package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes between two versions of a policy, one line per canonical field ({@code priority: 10 -> 20}),
 * ignoring the id. Used for version summaries, import results and {@code arbiter policies apply}. Stateless.
 */
public final class PolicyDiff {
    private static final int MAX_VALUE = 80;

    private PolicyDiff() {}

    /** The changed fields from {@code before} to {@code after}, in canonical field order; empty when equal. */
    public static List<String> of(Policy before, Policy after) {
        return of(PolicyParser.toCanonicalMap(before), PolicyParser.toCanonicalMap(after));
    }

    /** As {@link #of(Policy, Policy)} for canonical maps. */
    public static List<String> of(Map<String, Object> before, Map<String, Object> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.remove("id");
        List<String> changes = new ArrayList<>();
        for (String key : keys) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (!Objects.equals(text(old), text(now))) {
                changes.add(key + ": " + text(old) + " -> " + text(now));
            }
        }
        return changes;
    }

    /** One line summarising {@code changes}, for a version's {@code change_summary}. */
    static String summary(List<String> changes) {
        if (changes.isEmpty()) {
            return "no change";
        }
        String joined = String.join("; ", changes);
        return joined.length() <= 500 ? joined : joined.substring(0, 497) + "...";
    }

    private static String text(Object value) {
        if (value == null) {
            return "(none)";
        }
        try {
            String json = value instanceof String s ? s : Json.mapper().writeValueAsString(value);
            return json.length() <= MAX_VALUE ? json : json.substring(0, MAX_VALUE - 3) + "...";
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
