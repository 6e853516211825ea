package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.wire.Json;
import java.util.function.UnaryOperator;

/**
 * JSON for the client: the shared wire setup ({@link Json}), plus tolerance for values a newer
 * server may send — an unknown enum value reads as {@code null} instead of failing the whole answer.
 * Responses pass through a shape function first, which rewrites the older shapes of contract §11 into
 * the current one. Thread-safe.
 */
final class Codec {
    private final ObjectMapper mapper;

    Codec() {
        ObjectMapper configured = Json.newMapper();
        configured.configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, true);
        this.mapper = configured;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The request body as JSON; a value Jackson cannot write is the caller's error. */
    String write(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request as JSON: " + e.getOriginalMessage(), e);
        }
    }

    <T> T read(HttpCall.Response response, Class<T> type, UnaryOperator<JsonNode> shape) {
        return read(response, mapper.constructType(type), shape);
    }

    <T> T read(HttpCall.Response response, TypeReference<T> type, UnaryOperator<JsonNode> shape) {
        return read(response, mapper.constructType(type), shape);
    }

    private <T> T read(HttpCall.Response response, JavaType type, UnaryOperator<JsonNode> shape) {
        String body = response.body();
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new UnexpectedResponseException(
                        "Arbiter answered " + response.status() + " with an empty body where "
                                + type.getRawClass().getSimpleName() + " was expected",
                        response.status(),
                        body,
                        null);
            }
            T value = mapper.treeToValue(shape.apply(tree), type);
            if (value == null) {
                throw new UnexpectedResponseException(
                        "Arbiter answered null where " + type.getRawClass().getSimpleName() + " was expected",
                        response.status(),
                        body,
                        null);
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnexpectedResponseException(
                    "cannot read Arbiter's answer as " + type.getRawClass().getSimpleName() + ": " + e.getMessage(),
                    response.status(),
                    body,
                    e);
        }
    }
}
