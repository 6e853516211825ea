package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyParser;
import dev.arbiter.core.PolicyValidationException;
import dev.arbiter.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Dynamic-policy documents as the API takes them: the canonical AxonFlow form or the documented shorthand,
 * checked strictly (an unknown member is an error naming its path), then parsed by the core into the
 * canonical {@link Policy} that is stored. The resource's read-only members ({@code id}, {@code version},
 * timestamps, ...) are accepted and ignored, so a policy read from the API can be sent back as it is.
 * Stateless.
 */
final class PolicyDocuments {
    /** Longest policy name (the store's column). */
    static final int MAX_NAME = 255;

    private static final Set<String> CANONICAL = Set.of(
            "name",
            "description",
            "type",
            "category",
            "tier",
            "conditions",
            "actions",
            "priority",
            "enabled",
            "tags",
            "expression",
            "mode");
    private static final Set<String> SHORTHAND = Set.of("scope", "action", "reason", "severity");
    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "version",
            "tenant_id",
            "organization_id",
            "created_at",
            "updated_at",
            "created_by",
            "updated_by",
            "deleted_at");
    private static final Set<String> CONDITION = Set.of("field", "operator", "value");
    private static final Set<String> ACTION = Set.of("type", "config");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private PolicyDocuments() {}

    /**
     * Validates {@code document} and returns it as a canonical policy with the given id; every problem is
     * added to {@code errors} with {@code prefix} in front of its path, and {@code null} is returned.
     */
    static @Nullable Policy read(Map<String, ?> document, String id, String prefix, List<FieldError> errors) {
        List<FieldError> own = new ArrayList<>();
        checkMembers(document, own);
        checkCategory(document, own);
        Object name = document.get("name");
        if (name instanceof String text && text.length() > MAX_NAME) {
            own.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        Policy policy = null;
        try {
            policy = PolicyParser.parse(writable(document)).withId(id);
        } catch (PolicyValidationException e) {
            e.errors().stream()
                    .filter(error -> own.stream().noneMatch(o -> o.field().equals(error.field())))
                    .forEach(own::add);
        }
        own.forEach(error -> errors.add(prefixed(error, prefix)));
        return own.isEmpty() ? policy : null;
    }

    /** As {@link #read}, throwing a 400 {@code VALIDATION_ERROR} with every problem. */
    static Policy parse(Map<String, ?> document, String id) {
        List<FieldError> errors = new ArrayList<>();
        Policy policy = read(document, id, "", errors);
        if (policy == null) {
            throw PolicyApiException.invalid(errors);
        }
        return policy;
    }

    /**
     * The document a PUT makes of {@code current}: members present (and not null) in {@code patch} replace
     * the current ones; a shorthand {@code action} replaces the current {@code actions}.
     */
    static Map<String, Object> merge(Policy current, Map<String, ?> patch) {
        Map<String, Object> merged = new LinkedHashMap<>(PolicyParser.toCanonicalMap(current));
        merged.remove("id");
        if (patch.get("action") != null) {
            merged.remove("actions");
        }
        patch.forEach((key, value) -> {
            if (value != null) {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** The canonical JSON of {@code policy}, as stored and hashed for comparisons. */
    static String json(Policy policy) {
        try {
            return Json.mapper().writeValueAsString(PolicyParser.toCanonicalMap(policy));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write policy " + policy.id() + " as JSON", e);
        }
    }

    /** A stored definition as a generic tree. */
    static Map<String, Object> readStored(String json) {
        try {
            return Json.mapper().readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy definition is unreadable", e);
        }
    }

    /** A stored definition as a core policy, with the id it was stored under. */
    static Policy fromStored(String json) {
        return PolicyParser.parse(readStored(json));
    }

    /** True when {@code document} uses the documented shorthand rather than the canonical form. */
    static boolean isShorthand(Map<String, ?> document) {
        return SHORTHAND.stream().anyMatch(key -> document.get(key) != null)
                || document.get("conditions") instanceof Map<?, ?>;
    }

    private static void checkMembers(Map<String, ?> document, List<FieldError> errors) {
        for (String key : document.keySet()) {
            if (!CANONICAL.contains(key) && !SHORTHAND.contains(key) && !READ_ONLY.contains(key)) {
                errors.add(new FieldError(key, "unknown field"));
            }
        }
        if (document.get("conditions") instanceof List<?> conditions) {
            checkEntries(conditions, "conditions", CONDITION, errors);
        }
        if (document.get("actions") instanceof List<?> actions) {
            checkEntries(actions, "actions", ACTION, errors);
        }
        if (document.get("action") instanceof Map<?, ?> action) {
            checkKeys(action, "action", ACTION, errors);
        }
    }

    private static void checkEntries(List<?> entries, String path, Set<String> allowed, List<FieldError> errors) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof Map<?, ?> entry) {
                checkKeys(entry, path + "[" + i + "]", allowed, errors);
            }
        }
    }

    private static void checkKeys(Map<?, ?> entry, String path, Set<String> allowed, List<FieldError> errors) {
        for (Object key : entry.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                errors.add(new FieldError(path + "." + key, "unknown field"));
            }
        }
    }

    /** The contract requires a {@code dynamic-*} category; the shorthand may leave it to the default. */
    private static void checkCategory(Map<String, ?> document, List<FieldError> errors) {
        Object category = document.get("category");
        if (category == null) {
            if (!isShorthand(document)) {
                errors.add(new FieldError("category", "is required"));
            }
        } else if (category instanceof String text && !text.startsWith("dynamic-")) {
            errors.add(new FieldError("category", "must start with 'dynamic-'"));
        }
    }

    private static Map<String, Object> writable(Map<String, ?> document) {
        Map<String, Object> copy = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (!READ_ONLY.contains(key)) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static FieldError prefixed(FieldError error, String prefix) {
        if (prefix.isEmpty()) {
            return error;
        }
        return new FieldError(error.field().isEmpty() ? prefix : prefix + "." + error.field(), error.message());
    }
}
