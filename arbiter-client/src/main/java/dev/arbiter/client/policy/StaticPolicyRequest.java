package dev.arbiter.client.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body to create or replace a static policy (contract §2.4). The server checks that the pattern is a
 * valid RE2 expression (400 otherwise).
 *
 * @param name required
 * @param pattern required, RE2 syntax
 * @param category required, e.g. {@code security-sqli}
 * @param action required: {@code block}, {@code require_approval}, {@code redact}, {@code warn},
 *     {@code log} or {@code allow}
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param description what it is for
 * @param priority higher is evaluated first
 * @param enabled whether it is evaluated
 * @param tags free labels
 * @param phase {@code request}, {@code response} or {@code both}
 */
public record StaticPolicyRequest(
        String name,
        String pattern,
        String category,
        String action,
        @Nullable String severity,
        @Nullable String description,
        @Nullable Integer priority,
        @Nullable Boolean enabled,
        @Nullable List<String> tags,
        @Nullable String phase) {
    /** Checks the required fields and copies the tags. */
    public StaticPolicyRequest {
        require(name, "name");
        require(pattern, "pattern");
        require(category, "category");
        require(action, "action");
        tags = tags == null ? null : List.copyOf(tags);
    }

    /** A request with the four required fields. */
    public static StaticPolicyRequest of(String name, String pattern, String category, String action) {
        return new StaticPolicyRequest(name, pattern, category, action, null, null, null, null, null, null);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
