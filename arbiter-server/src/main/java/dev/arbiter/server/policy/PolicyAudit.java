package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.AuditEntry;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.wire.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The audit record of a policy change: {@code request_type} {@code policy_<change>} (dynamic) or
 * {@code static_policy_<change>}, {@code request_id} the policy id, {@code user_email} who made the change,
 * and the version, kind of change and summary in {@code policy_details}. Stateless.
 */
final class PolicyAudit {
    private PolicyAudit() {}

    static AuditEntry change(
            Principal caller,
            String kind,
            ManagedPolicy policy,
            String changeType,
            @Nullable String summary,
            String actor) {
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        details.put("policy_id", policy.stored().id().toString());
        details.put("policy_name", policy.stored().name());
        details.put("policy_kind", kind);
        details.put("version", policy.stored().version());
        details.put("change_type", changeType);
        details.put("change_summary", summary);
        details.put("changed_by", actor);
        details.put("enabled", policy.stored().enabled());
        details.put("mode", policy.stored().mode());
        String prefix = kind.equals("static") ? "static_policy_" : "policy_";
        return AuditEntry.builder(caller.tenant(), policy.stored().id().toString(), prefix + changeType, "allowed")
                .clientId(caller.clientId())
                .userEmail(actor)
                .query("Policy: " + policy.stored().name() + ", Operation: " + changeType)
                .detailsJson(json(details))
                .build();
    }

    private static String json(Map<String, @Nullable Object> details) {
        try {
            return Json.mapper().writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit details", e);
        }
    }
}
