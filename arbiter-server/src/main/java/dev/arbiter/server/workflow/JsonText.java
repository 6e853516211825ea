package dev.arbiter.server.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.workflow.PolicyMatch;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON text as the store keeps it (metadata, inputs, outputs, policy matches), written and read with
 * the wire setup. Text in the store was written by this class, so a parse failure is a bug or a
 * tampered row and surfaces as an {@link IllegalStateException} (a 500). Stateless and thread-safe.
 */
final class JsonText {
    private static final ObjectMapper JSON = Json.mapper();
    private static final TypeReference<Map<String, @Nullable Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<PolicyMatch>> MATCHES = new TypeReference<>() {};

    private JsonText() {}

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static @Nullable String writeNullable(@Nullable Object value) {
        return value == null ? null : write(value);
    }

    static Map<String, @Nullable Object> map(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON object is unreadable", e);
        }
    }

    static @Nullable Map<String, @Nullable Object> mapOrNull(@Nullable String json) {
        return json == null ? null : map(json);
    }

    static @Nullable Object value(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON value is unreadable", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    static List<PolicyMatch> matches(String json) {
        try {
            return JSON.readValue(json, MATCHES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy matches are unreadable", e);
        }
    }
}
