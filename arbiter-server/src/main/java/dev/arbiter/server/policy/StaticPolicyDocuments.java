package dev.arbiter.server.policy;

import dev.arbiter.core.FieldError;
import dev.arbiter.core.Outcome;
import dev.arbiter.core.Phase;
import dev.arbiter.core.StaticPolicy;
import dev.arbiter.core.StaticPolicySet;
import dev.arbiter.core.StaticPolicyValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Static-policy documents as the API takes them (contract §2.4): checked strictly (unknown members are errors),
 * with the contract's required fields and defaults, and the pattern compiled by RE2J so an invalid regular
 * expression is refused before anything is stored. The resource's read-only members are accepted and ignored.
 * Stateless.
 */
final class StaticPolicyDocuments {
    private static final Set<String> WRITABLE = Set.of(
            "name",
            "description",
            "category",
            "tier",
            "pattern",
            "severity",
            "action",
            "phase",
            "priority",
            "enabled",
            "tags",
            "metadata",
            "mode");
    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "policy_id",
            "tenant_id",
            "organization_id",
            "org_id",
            "version",
            "created_at",
            "updated_at",
            "created_by",
            "updated_by",
            "deleted_at",
            "has_override",
            "override");
    private static final int DEFAULT_PRIORITY = 50;

    private StaticPolicyDocuments() {}

    /** The validated definition of {@code document}; a 400 listing every problem otherwise. */
    static StaticDefinition parse(Map<String, ?> document) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : document.keySet()) {
            if (!WRITABLE.contains(key) && !READ_ONLY.contains(key)) {
                errors.add(new FieldError(key, "unknown field"));
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        String name = required(document, "name", errors);
        c.put("policy_id", slug(name));
        c.put("name", name);
        c.put("description", text(document, "description", "", errors));
        String category = required(document, "category", errors);
        if (category.startsWith("dynamic-")) {
            errors.add(new FieldError("category", "dynamic-* categories belong to dynamic policies"));
        }
        c.put("category", category);
        StaticPolicy.Tier tier = choice(document, "tier", "tenant", StaticPolicy.Tier::fromWireName, errors);
        c.put("tier", tier == null ? "tenant" : tier.wireName());
        String pattern = required(document, "pattern", errors);
        c.put("pattern", pattern);
        StaticPolicy.Severity severity =
                choice(document, "severity", "medium", StaticPolicy.Severity::fromWireName, errors);
        c.put("severity", severity == null ? "medium" : severity.wireName());
        Outcome action = choice(document, "action", null, Outcome::fromWireName, errors);
        c.put("action", action == null ? "" : action.wireName());
        Phase phase = choice(document, "phase", "both", Phase::fromWireName, errors);
        c.put("phase", phase == null ? "both" : phase.wireName());
        int priority = integer(document.get("priority"), errors);
        c.put("priority", priority);
        boolean enabled = bool(document.get("enabled"), errors);
        c.put("enabled", enabled);
        c.put("tags", tags(document.get("tags"), errors));
        c.put("metadata", metadata(document.get("metadata"), errors));
        Object mode = document.get("mode") == null ? "enforce" : document.get("mode");
        if (!"enforce".equals(mode) && !"shadow".equals(mode)) {
            errors.add(new FieldError("mode", "must be 'enforce' or 'shadow'"));
        }
        c.put("mode", mode);
        if (name.length() > PolicyDocuments.MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + PolicyDocuments.MAX_NAME + " characters"));
        }
        StaticPolicy policy = null;
        if (errors.isEmpty()) {
            policy = StaticPolicy.builder(slug(name), pattern, action)
                    .name(name)
                    .category(category)
                    .tier(tier)
                    .severity(severity)
                    .phase(phase)
                    .priority(priority)
                    .enabled(enabled)
                    .description((String) c.get("description"))
                    .build();
            try {
                StaticPolicySet.compile(List.of(policy));
            } catch (StaticPolicyValidationException e) {
                e.errors().forEach(error -> errors.add(new FieldError(error.field(), error.message())));
            }
        }
        if (!errors.isEmpty() || policy == null) {
            throw PolicyApiException.invalid(errors);
        }
        return new StaticDefinition(c, policy, "shadow".equals(mode));
    }

    /** A stored definition, validated again (the same rules as on the way in). */
    static StaticDefinition fromStored(String json) {
        return parse(PolicyDocuments.readStored(json));
    }

    /** The document a PUT makes of {@code current}: members present (and not null) in {@code patch} replace. */
    static Map<String, Object> merge(StaticDefinition current, Map<String, ?> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(current.canonical());
        merged.remove("policy_id");
        patch.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** The readable id derived from a name: lower case, runs of other characters become one {@code -}. */
    static String slug(String name) {
        StringBuilder slug = new StringBuilder();
        for (char ch : name.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
            if (keep) {
                slug.append(ch);
            } else if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        String trimmed = slug.toString().replaceAll("-+$", "");
        String bounded = trimmed.length() > 64 ? trimmed.substring(0, 64) : trimmed;
        return bounded.isEmpty() ? "policy-" + Integer.toHexString(name.hashCode()) : bounded;
    }

    private static String required(Map<String, ?> document, String key, List<FieldError> errors) {
        Object value = document.get(key);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        errors.add(new FieldError(key, value == null ? "is required" : "must be a non-blank string"));
        return "";
    }

    private static String text(Map<String, ?> document, String key, String fallback, List<FieldError> errors) {
        Object value = document.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof String text) {
            return text;
        }
        errors.add(new FieldError(key, "must be a string"));
        return fallback;
    }

    private static <E> @Nullable E choice(
            Map<String, ?> document,
            String key,
            @Nullable String fallback,
            Function<String, Optional<E>> parse,
            List<FieldError> errors) {
        Object value = document.get(key) == null ? fallback : document.get(key);
        if (value == null) {
            errors.add(new FieldError(key, "is required"));
            return null;
        }
        Optional<E> parsed = value instanceof String text ? parse.apply(text) : Optional.empty();
        if (parsed.isEmpty()) {
            errors.add(new FieldError(key, "unknown value '" + value + "'"));
        }
        return parsed.orElse(null);
    }

    private static int integer(@Nullable Object value, List<FieldError> errors) {
        if (value == null) {
            return DEFAULT_PRIORITY;
        }
        if (value instanceof Integer number) {
            return number;
        }
        errors.add(new FieldError("priority", "must be an integer"));
        return DEFAULT_PRIORITY;
    }

    private static boolean bool(@Nullable Object value, List<FieldError> errors) {
        if (value == null) {
            return true;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        errors.add(new FieldError("enabled", "must be true or false"));
        return true;
    }

    private static List<String> tags(@Nullable Object value, List<FieldError> errors) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        errors.add(new FieldError("tags", "must be a list of strings"));
        return List.of();
    }

    private static Map<String, Object> metadata(@Nullable Object value, List<FieldError> errors) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            return copy;
        }
        errors.add(new FieldError("metadata", "must be an object"));
        return Map.of();
    }
}
