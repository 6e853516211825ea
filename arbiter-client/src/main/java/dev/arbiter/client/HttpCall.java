package dev.arbiter.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call as the client means it: method, path, query, JSON body, and whether it may be
 * retried ({@code idempotent}) and goes through the circuit breaker ({@code guarded}).
 *
 * @param method {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param path the path below the endpoint, segments already encoded
 * @param query query parameters; null values are left out
 * @param body the JSON body, or null for none
 * @param idempotent repeating the call cannot change the outcome, so a failed attempt may be retried
 * @param guarded the call goes through the circuit breaker
 */
record HttpCall(
        String method,
        String path,
        Map<String, @Nullable Object> query,
        @Nullable String body,
        boolean idempotent,
        boolean guarded) {

    HttpCall {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    static HttpCall get(String path) {
        return new HttpCall("GET", path, Map.of(), null, true, true);
    }

    static HttpCall post(String path, @Nullable String body) {
        return new HttpCall("POST", path, Map.of(), body, false, true);
    }

    static HttpCall put(String path, String body) {
        return new HttpCall("PUT", path, Map.of(), body, false, true);
    }

    static HttpCall patch(String path, String body) {
        return new HttpCall("PATCH", path, Map.of(), body, false, true);
    }

    /** Not retried: a repeat after a lost answer would report 404 for a deletion that worked. */
    static HttpCall delete(String path) {
        return new HttpCall("DELETE", path, Map.of(), null, false, true);
    }

    HttpCall withQuery(Map<String, @Nullable Object> parameters) {
        return new HttpCall(method, path, parameters, body, idempotent, guarded);
    }

    HttpCall idempotent(boolean value) {
        return new HttpCall(method, path, query, body, value, guarded);
    }

    HttpCall guarded(boolean value) {
        return new HttpCall(method, path, query, body, idempotent, value);
    }

    /** The path with its encoded query string. */
    String pathAndQuery() {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        for (Map.Entry<String, @Nullable Object> parameter : query.entrySet()) {
            Object value = parameter.getValue();
            if (value != null) {
                joiner.add(encode(parameter.getKey()) + "=" + encode(value.toString()));
            }
        }
        return path + joiner;
    }

    /** "POST /api/v1/workflows", for messages. */
    String describe() {
        return method + " " + path;
    }

    /** One path segment, percent-encoded; blank segments are a caller error. */
    static String segment(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A response with a success status.
     *
     * @param status the HTTP status
     * @param body the body, possibly empty
     */
    record Response(int status, String body) {}
}
