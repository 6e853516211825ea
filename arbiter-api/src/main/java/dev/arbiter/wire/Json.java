package dev.arbiter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson setup for Arbiter's wire records, shared by the server and the client SDK.
 *
 * <ul>
 *   <li>Property names are snake_case, as on the AxonFlow wire; record components stay camelCase.
 *   <li>Unknown properties are ignored on read, so older and newer peers interoperate.
 *   <li>{@code null} components are omitted on write; the few fields the contract pins as always
 *       present carry their own {@code @JsonInclude(ALWAYS)}.
 *   <li>{@link java.time.Instant}s are written as RFC 3339 strings ({@code 2026-02-07T10:00:00Z}).
 *   <li>Scalars are not coerced: {@code "12"} is not an integer and {@code 1.5} is not an int, as with
 *       the Go server this contract comes from. A wrong type is a client error, not a guess.
 *   <li>Agent input is untrusted, so {@link StreamReadConstraints} bound nesting depth and sizes.
 * </ul>
 *
 * <p>The shared instance returned by {@link #mapper()} is thread-safe for reading and writing; never
 * reconfigure it. Call {@link #newMapper()} for a private copy to adjust.
 */
public final class Json {
    /** Deepest nesting of objects and arrays accepted in one document. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The server's HTTP request body limit, in bytes; a larger request is answered with 413. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /**
     * Largest document this mapper reads, in bytes. Far above the request limit, because a client reads
     * responses (a page of 1,000 audit records) with the same mapper; it bounds memory, not requests.
     */
    public static final long MAX_READ_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper SHARED = newMapper();

    private Json() {}

    /** The shared, fully configured mapper. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A new mapper with the same configuration as {@link #mapper()}. */
    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxDocumentLength(MAX_READ_BYTES)
                        .maxStringLength((int) (MAX_READ_BYTES / 4))
                        .maxNumberLength(100)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                // Absent record components are omitted; nulls inside free-form maps are data and stay.
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // Strings are not numbers or booleans, and an empty string is not an absent object.
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }
}
