package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shapes of the policy API's answers: single resources come bare or wrapped as {@code {"policy": ...}},
 * lists as {@code {"policies": [...], "pagination": ...}} or a bare array. Stateless.
 */
final class PolicyShapes {
    private PolicyShapes() {}

    /** {@code {"policy": {...}}} to the policy itself. */
    static JsonNode single(JsonNode node) {
        JsonNode inner = node.get("policy");
        return node.isObject() && !node.has("id") && inner != null && inner.isObject() ? inner : node;
    }

    /** A bare array to {@code {"policies": [...]}}. */
    static JsonNode page(JsonNode node) {
        if (node.isArray()) {
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set("policies", node);
            return wrapped;
        }
        return node;
    }

    /** {@code {"policies": [...]}} to the bare array. */
    static JsonNode list(JsonNode node) {
        JsonNode inner = node.get("policies");
        return node.isObject() && inner != null && inner.isArray() ? inner : node;
    }

    /** A pattern test answer without {@code matched} gets it from its matches. */
    static JsonNode patternTest(JsonNode node) {
        if (node.isObject() && !node.path("matched").isBoolean()) {
            boolean any = false;
            for (JsonNode match : node.path("matches")) {
                any |= match.path("matched").asBoolean(false);
            }
            ((ObjectNode) node).put("matched", any);
        }
        return node;
    }
}
