package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites the dynamic-policy answers of AxonFlow-compatible servers into the shapes of the wire records
 * ({@code dev.arbiter.wire.policy}), which describe Arbiter's answers. The differences: single resources come
 * bare or as {@code {"policy": ...}}; lists as {@code {"policies": [...]}} or a bare array, with or without
 * {@code pagination}; the Go server writes empty lists and maps as {@code null}; AxonFlow has no {@code mode}
 * (every policy enforces) and its test answer has no {@code outcome}. Each function leaves Arbiter's own
 * shape unchanged. Stateless.
 */
final class PolicyShapes {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Outcomes from weakest to strongest, as Arbiter ranks them when several actions apply. */
    private static final List<String> OUTCOMES = List.of("allow", "log", "warn", "redact", "require_approval", "block");

    private PolicyShapes() {}

    /** {@code {"policy": {...}}} or a bare policy, to a complete {@code PolicyResource}. */
    static JsonNode single(JsonNode node) {
        return resource(unwrap(node, "policy"));
    }

    /** A page, a list without pagination, or a bare array, to a {@code PolicyListResponse}. */
    static JsonNode page(JsonNode node) {
        ObjectNode page = wrap(node, "policies");
        if (page == null) {
            return node;
        }
        each(page, "policies", PolicyShapes::resource);
        paginate(page, "policies");
        return page;
    }

    /** The effective policies: an {@code EffectivePoliciesResponse}; set versions are 0 when not reported. */
    static JsonNode effective(JsonNode node) {
        ObjectNode effective = wrap(node, "policies");
        if (effective == null) {
            return node;
        }
        each(effective, "policies", PolicyShapes::resource);
        return effective;
    }

    /** An export: its policies completed. */
    static JsonNode export(JsonNode node) {
        if (node.isObject()) {
            each((ObjectNode) node, "policies", PolicyShapes::resource);
        }
        return node;
    }

    /** Versions: {@code {"versions": [...]}} or a bare array, each snapshot completed. */
    static JsonNode versions(JsonNode node) {
        ObjectNode versions = wrap(node, "versions");
        if (versions == null) {
            return node;
        }
        each(versions, "versions", version -> {
            if (version.path("snapshot").isObject()) {
                resource(version.get("snapshot"));
            }
        });
        return versions;
    }

    /** An import answer: AxonFlow reports only the counts; Arbiter adds {@code unchanged} and {@code results}. */
    static JsonNode imported(JsonNode node) {
        if (node.isObject()) {
            emptyArray((ObjectNode) node, "results");
        }
        return node;
    }

    /** A policy test answer: null lists and configs become empty; a missing {@code outcome} is derived. */
    static JsonNode tested(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode result = (ObjectNode) node;
        emptyArray(result, "actions");
        each(result, "actions", action -> emptyObject(action, "config"));
        text(result, "explanation", "");
        if (!result.path("outcome").isTextual()) {
            result.put("outcome", outcome(result));
        }
        return result;
    }

    /** Completes one policy in place: empty lists for null ones, {@code mode} enforce when absent. */
    static JsonNode resource(JsonNode node) {
        if (node.isObject()) {
            ObjectNode policy = (ObjectNode) node;
            text(policy, "description", "");
            emptyArray(policy, "conditions");
            emptyArray(policy, "actions");
            emptyArray(policy, "tags");
            each(policy, "actions", action -> emptyObject(action, "config"));
            text(policy, "mode", "enforce");
        }
        return node;
    }

    /** The inner object of {@code {"<field>": {...}}} when the node is that wrapper, else the node. */
    static JsonNode unwrap(JsonNode node, String field) {
        JsonNode inner = node.get(field);
        return node.isObject() && !node.has("id") && inner != null && inner.isObject() ? inner : node;
    }

    /** A bare array as {@code {"<field>": [...]}}, an object as itself, anything else null. */
    static @Nullable ObjectNode wrap(JsonNode node, String field) {
        if (node.isArray()) {
            ObjectNode wrapped = NODES.objectNode();
            wrapped.set(field, node);
            return wrapped;
        }
        if (!node.isObject()) {
            return null;
        }
        ObjectNode object = (ObjectNode) node;
        emptyArray(object, field);
        return object;
    }

    /** One page holding everything, when the server sent no paging facts. */
    static void paginate(ObjectNode page, String field) {
        if (!page.path("pagination").isObject()) {
            int size = page.get(field).size();
            ObjectNode pagination = page.putObject("pagination");
            pagination.put("page", 1);
            pagination.put("page_size", size);
            pagination.put("total_items", size);
            pagination.put("total_pages", size == 0 ? 0 : 1);
        }
    }

    /** Applies {@code change} to every object of the array {@code field}. */
    static void each(ObjectNode node, String field, Consumer<ObjectNode> change) {
        for (JsonNode item : node.path(field)) {
            if (item.isObject()) {
                change.accept((ObjectNode) item);
            }
        }
    }

    static void emptyArray(ObjectNode node, String field) {
        if (!node.path(field).isArray()) {
            node.putArray(field);
        }
    }

    static void emptyObject(ObjectNode node, String field) {
        if (!node.path(field).isObject()) {
            node.putObject(field);
        }
    }

    static void text(ObjectNode node, String field, String value) {
        if (!node.path(field).isTextual()) {
            node.put(field, value);
        }
    }

    /** The strongest known action type of a matched policy, {@code allow} when it did not match. */
    private static String outcome(ObjectNode result) {
        int strongest = 0;
        if (result.path("matched").asBoolean(false)) {
            for (JsonNode action : result.get("actions")) {
                strongest =
                        Math.max(strongest, OUTCOMES.indexOf(action.path("type").asText("")));
            }
        }
        return OUTCOMES.get(strongest);
    }
}
