package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.server.policy.PolicyApiException;
import dev.arbiter.server.policy.PolicyQuery;
import dev.arbiter.wire.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Request parts of the policy routes: bodies as generic JSON objects (policy documents may be canonical or
 * shorthand, and unknown members must be reported by path, which a record binding would hide), listing
 * queries, and who is acting. Malformed JSON is a 400 {@code INVALID_JSON}. Stateless.
 */
final class PolicyBodies {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private PolicyBodies() {}

    /** The body as a JSON object; empty, malformed or non-object bodies are a 400 {@code INVALID_JSON}. */
    static Map<String, Object> object(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw invalidJson("a JSON object is required");
        }
        try {
            Object tree = Json.mapper().readValue(body, Object.class);
            if (!(tree instanceof Map<?, ?>)) {
                throw invalidJson("a JSON object is required");
            }
            return Json.mapper().convertValue(tree, MAP);
        } catch (StreamConstraintsException e) {
            throw invalidJson("JSON nesting or size exceeds the server's limits");
        } catch (JsonProcessingException e) {
            throw invalidJson("malformed JSON");
        } catch (IOException e) {
            throw invalidJson("unreadable body");
        }
    }

    /** The body as a JSON object, or an empty one when there is no body. */
    static Map<String, Object> optionalObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        return body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()
                ? Map.of()
                : object(ctx);
    }

    /** Who is making a change: {@code X-User-ID}, {@code X-User-Email}, the token subject, or the client. */
    static String actor(Context ctx, Principal caller) {
        String user = Queries.header(ctx, "X-User-ID");
        if (user == null) {
            user = Queries.header(ctx, "X-User-Email");
        }
        if (user == null) {
            user = caller.subject();
        }
        return user == null ? caller.clientId() : user;
    }

    /** The listing filters of contract §2.1; bad paging values fall back to the defaults. */
    static PolicyQuery query(Context ctx, @Nullable String typeParameter) {
        int page = positive(ctx.queryParam("page"), 1);
        String size = ctx.queryParam("limit") != null ? ctx.queryParam("limit") : ctx.queryParam("page_size");
        int limit = Math.min(positive(size, 20), 100);
        return new PolicyQuery(
                Queries.text(ctx, "category"),
                typeParameter == null ? null : Queries.text(ctx, typeParameter),
                Queries.text(ctx, "tier"),
                bool(Queries.text(ctx, "enabled")),
                Queries.text(ctx, "mode"),
                Queries.text(ctx, "search"),
                page,
                limit);
    }

    private static @Nullable Boolean bool(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new PolicyApiException(PolicyApiException.Kind.BAD_REQUEST, "enabled must be true or false");
        };
    }

    private static int positive(@Nullable String raw, int fallback) {
        try {
            int value = raw == null ? fallback : Integer.parseInt(raw.trim());
            return value < 1 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static PolicyApiException invalidJson(String why) {
        return new PolicyApiException(PolicyApiException.Kind.INVALID_JSON, "Invalid JSON body: " + why);
    }
}
