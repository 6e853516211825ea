package dev.arbiter.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites older or differing response shapes (contract §11.1) into the current ones before binding,
 * so the client works against any AxonFlow-compatible server. Each function leaves a current shape
 * unchanged. Stateless.
 */
final class Shapes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Shapes() {}

    /** Unchanged. */
    static JsonNode same(JsonNode node) {
        return node;
    }

    /**
     * Old health answers may lack {@code service} and {@code version}, which the current record requires
     * (absent {@code components} and {@code capabilities} the record itself reads as empty).
     */
    static JsonNode health(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        if (!object.path("version").isTextual()) {
            object.put("version", "unknown");
        }
        if (!object.path("service").isTextual()) {
            object.put("service", "unknown");
        }
        return object;
    }

    /**
     * Pending approvals: the server's {@code {pending_approvals, count}}, the SDK types'
     * {@code {approvals, total}}, an {@code {items, total}} variant, or a bare array.
     */
    static JsonNode pendingApprovals(JsonNode node) {
        if (!node.isObject() && !node.isArray()) {
            return node;
        }
        ObjectNode object = asObject(node, "pending_approvals");
        if (!object.path("pending_approvals").isArray()) {
            JsonNode list = firstArray(object, "approvals", "items", "data");
            object.set("pending_approvals", list == null ? NODES.arrayNode() : list);
        }
        if (!object.path("count").isInt()) {
            JsonNode total = object.get("total");
            object.put(
                    "count",
                    total != null && total.isInt()
                            ? total.asInt()
                            : object.get("pending_approvals").size());
        }
        return object;
    }

    /**
     * An answer whose list a Go server may send as {@code null} (a nil slice) or leave out, such as a
     * workflow's checkpoints: the list becomes empty.
     */
    static JsonNode list(JsonNode node, String field) {
        if (node.isObject() && !node.path(field).isArray()) {
            ((ObjectNode) node).putArray(field);
        }
        return node;
    }

    /** A webhook subscription: {@code events} as {@link #list(JsonNode, String)} reads it. */
    static JsonNode webhook(JsonNode node) {
        return list(node, "events");
    }

    /** The webhook listing: its list and each subscription's events completed, a missing total counted. */
    static JsonNode webhookList(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) list(node, "webhooks");
        for (JsonNode webhook : object.get("webhooks")) {
            webhook(webhook);
        }
        if (!object.path("total").isInt()) {
            object.put("total", object.get("webhooks").size());
        }
        return object;
    }

    /** Approve/reject: V1 sends only {@code approval_status}, SDK-shaped servers only {@code status}. */
    static JsonNode approval(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        if (!object.path("status").isTextual() && object.path("approval_status").isTextual()) {
            object.set("status", object.get("approval_status"));
        }
        if (!object.path("approval_status").isTextual() && object.path("status").isTextual()) {
            object.set("approval_status", object.get("status"));
        }
        if (!object.path("decision").isTextual()) {
            String status = object.path("status").asText("");
            if (status.equals("approved")) {
                object.put("decision", "allow");
            } else if (status.equals("rejected") || status.equals("expired")) {
                object.put("decision", "block");
            }
        }
        return object;
    }

    /** Workflow list: SDK-shaped servers send only {@code {workflows, total}}; some a bare array. */
    static JsonNode workflowList(JsonNode node) {
        if (!node.isObject() && !node.isArray()) {
            return node;
        }
        ObjectNode object = asObject(node, "workflows");
        if (!object.path("workflows").isArray()) {
            object.putArray("workflows");
        }
        int size = object.get("workflows").size();
        if (!object.path("total").isInt()) {
            object.put("total", size);
        }
        if (!object.path("offset").isInt()) {
            object.put("offset", 0);
        }
        if (!object.path("limit").isInt()) {
            object.put("limit", size);
        }
        if (!object.path("has_more").isBoolean()) {
            object.put(
                    "has_more",
                    object.get("offset").asInt() + size < object.get("total").asInt());
        }
        return object;
    }

    /**
     * Audit search: old servers answer a bare array of raw rows ({@code query}, {@code policy_decision},
     * {@code policy_details}); newer ones {@code {entries, total, limit, offset}}.
     */
    static JsonNode auditSearch(JsonNode node, @Nullable Integer limit, @Nullable Integer offset) {
        if (!node.isObject() && !node.isArray()) {
            return node;
        }
        ObjectNode object = asObject(node, "entries");
        if (!object.path("entries").isArray()) {
            object.putArray("entries");
        }
        ArrayNode entries = (ArrayNode) object.get("entries");
        for (JsonNode entry : entries) {
            if (entry.isObject()) {
                auditEntry((ObjectNode) entry);
            }
        }
        if (!object.path("total").isInt()) {
            object.put("total", entries.size());
        }
        if (!object.path("limit").isInt()) {
            object.put("limit", limit == null ? entries.size() : limit);
        }
        if (!object.path("offset").isInt()) {
            object.put("offset", offset == null ? 0 : offset);
        }
        return object;
    }

    /** Old raw rows name the columns; absent {@code policy_violations} the record itself reads as empty. */
    private static void auditEntry(ObjectNode entry) {
        if (!entry.path("metadata").isObject() && entry.path("policy_details").isObject()) {
            entry.set("metadata", entry.get("policy_details"));
        }
        if (!entry.path("query_summary").isTextual() && entry.path("query").isTextual()) {
            entry.set("query_summary", entry.get("query"));
        }
        String decision = entry.path("policy_decision").asText("");
        if (!entry.path("blocked").isBoolean()) {
            entry.put("blocked", decision.equals("blocked"));
        }
        if (!entry.path("success").isBoolean()) {
            entry.put("success", !decision.equals("blocked") && !decision.equals("error"));
        }
        // Old rows carry user_id as an int; the current entry has no such field, so it is ignored.
    }

    private static ObjectNode asObject(JsonNode node, String listField) {
        if (node.isArray()) {
            ObjectNode wrapped = NODES.objectNode();
            wrapped.set(listField, node);
            return wrapped;
        }
        return (ObjectNode) node;
    }

    private static @Nullable JsonNode firstArray(ObjectNode object, String... names) {
        for (String name : names) {
            JsonNode value = object.get(name);
            if (value != null && value.isArray()) {
                return value;
            }
        }
        return null;
    }
}
