package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Rewrites the static-policy answers of AxonFlow-compatible servers into the shapes of the wire records. The
 * differences: a policy may come wrapped as {@code {"policy": ...}}; the effective set is {@code {"static":
 * [...], "dynamic": [...]}}, {@code {"policies": [...]}} or a bare array; null lists and maps; no {@code phase}
 * before AxonFlow's migration 039 (the default {@code both} applies) and no {@code mode} (enforce); the pattern
 * test answers {@code {matched, matches, error}} or the Python SDK's {@code {valid, matches}}. Each function
 * leaves Arbiter's own shape unchanged. Stateless.
 */
final class StaticPolicyShapes {
    private StaticPolicyShapes() {}

    /** {@code {"policy": {...}}} or a bare policy, to a complete {@code StaticPolicyResource}. */
    static JsonNode single(JsonNode node) {
        return resource(PolicyShapes.unwrap(node, "policy"));
    }

    /** A page, a list without pagination, or a bare array, to a {@code StaticPolicyListResponse}. */
    static JsonNode page(JsonNode node) {
        ObjectNode page = PolicyShapes.wrap(node, "policies");
        if (page == null) {
            return node;
        }
        PolicyShapes.each(page, "policies", StaticPolicyShapes::resource);
        PolicyShapes.paginate(page, "policies");
        return page;
    }

    /** The effective set, whatever the envelope, to a bare array of complete policies. */
    static JsonNode effective(JsonNode node) {
        JsonNode list = node;
        if (node.isObject()) {
            String field = node.has("static") ? "static" : "policies";
            if (!node.has(field)) {
                return node;
            }
            // The Go server writes an empty list as null.
            list = node.get(field).isNull() ? PolicyShapes.NODES.arrayNode() : node.get(field);
        }
        for (JsonNode policy : list) {
            resource(policy);
        }
        return list;
    }

    /** Versions: {@code {policy_id, versions, count}} or a bare array, each snapshot completed. */
    static JsonNode versions(JsonNode node, String policyId) {
        ObjectNode versions = PolicyShapes.wrap(node, "versions");
        if (versions == null) {
            return node;
        }
        PolicyShapes.text(versions, "policy_id", policyId);
        if (!versions.path("count").isInt()) {
            versions.put("count", versions.get("versions").size());
        }
        PolicyShapes.each(versions, "versions", version -> {
            if (version.path("snapshot").isObject()) {
                resource(version.get("snapshot"));
            }
        });
        return versions;
    }

    /**
     * A pattern test answer completed from what was asked: {@code valid} unless an error is named,
     * {@code matched} if any input matched, the pattern and inputs as sent.
     */
    static JsonNode patternTest(JsonNode node, String pattern, List<String> inputs) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode result = (ObjectNode) node;
        PolicyShapes.emptyArray(result, "matches");
        if (!result.path("valid").isBoolean()) {
            result.put("valid", !result.path("error").isTextual());
        }
        if (!result.path("matched").isBoolean()) {
            boolean any = false;
            for (JsonNode match : result.get("matches")) {
                any |= match.path("matched").asBoolean(false);
            }
            result.put("matched", any);
        }
        PolicyShapes.text(result, "pattern", pattern);
        if (!result.path("inputs").isArray()) {
            ArrayNode sent = result.putArray("inputs");
            inputs.forEach(sent::add);
        }
        return result;
    }

    /** Completes one policy in place. */
    static JsonNode resource(JsonNode node) {
        if (node.isObject()) {
            ObjectNode policy = (ObjectNode) node;
            if (!policy.path("policy_id").isTextual() && policy.path("id").isTextual()) {
                // Servers without readable ids: the id is the only key there is.
                policy.set("policy_id", policy.get("id"));
            }
            PolicyShapes.text(policy, "description", "");
            PolicyShapes.emptyArray(policy, "tags");
            PolicyShapes.emptyObject(policy, "metadata");
            PolicyShapes.text(policy, "phase", "both");
            PolicyShapes.text(policy, "mode", "enforce");
        }
        return node;
    }
}
