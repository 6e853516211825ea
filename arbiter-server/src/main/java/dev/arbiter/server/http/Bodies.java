package dev.arbiter.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.wire.Json;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads request bodies into wire records, turning every JSON problem into a 400 whose message names
 * the field and what was wrong, without echoing parser internals. Stateless and thread-safe.
 */
final class Bodies {
    private static final ObjectMapper JSON = Json.mapper();

    private Bodies() {}

    /** The body as {@code type}; an empty body is a 400. */
    static <T> T required(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (isBlank(body)) {
            throw ApiException.badRequest("Invalid request body: a JSON object is required");
        }
        return read(body, type);
    }

    /** The body as {@code type}, or {@code fallback} when the body is empty. */
    static <T> T optional(Context ctx, Class<T> type, T fallback) {
        byte[] body = ctx.bodyAsBytes();
        return isBlank(body) ? fallback : read(body, type);
    }

    private static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("Invalid request body: a JSON object is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw invalid(e);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("Invalid request body");
        }
    }

    /** A 400 describing why {@code e} happened. */
    static ApiException invalid(JsonProcessingException e) {
        Throwable root = rootCause(e);
        if (root instanceof StreamConstraintsException) {
            return ApiException.badRequest("Invalid request body: JSON nesting or size exceeds the server's limits");
        }
        if (e instanceof ValueInstantiationException && root instanceof IllegalArgumentException) {
            return ApiException.badRequest(String.valueOf(root.getMessage()));
        }
        String field = field(e);
        if (e instanceof InvalidFormatException format
                && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return ApiException.badRequest("Invalid request body: " + field + " must be one of "
                    + allowed(format.getTargetType()) + ", got '" + format.getValue() + "'");
        }
        if (e instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            return ApiException.badRequest(
                    "Invalid request body: " + field + " must be " + describe(mismatch.getTargetType()));
        }
        if (e instanceof MismatchedInputException) {
            return ApiException.badRequest("Invalid request body: a JSON object is required");
        }
        return ApiException.badRequest("Invalid request body: malformed JSON");
    }

    private static String field(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join(".", parts);
    }

    private static String allowed(Class<?> enumType) {
        Object[] constants = enumType.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object constant : constants) {
            names.add(JSON.convertValue(constant, String.class));
        }
        return names.stream().collect(Collectors.joining(", "));
    }

    private static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 timestamp";
        }
        return "of another type";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Shorthand used by handlers for the 400 of a failed parse of something other than JSON. */
    static ApiException badQuery(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }
}
