package dev.arbiter.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem ({@code application/problem+json}), the error body of Arbiter-native routes that have
 * no AxonFlow counterpart (STYLE Rule 7).
 *
 * @param type a URI naming the problem, e.g. {@code https://arbiter.dev/problems/validation-error}
 * @param title fixed per code
 * @param status the HTTP status
 * @param detail specific to this occurrence and safe to show
 * @param instance the request path, or an error id for unexpected failures
 * @param code the stable snake_case code, e.g. {@code validation_error}
 * @param errors one entry per invalid field; omitted when empty
 */
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        String code,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable
        List<FieldProblem> errors) {
    /** The media type of a problem body. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Checks required fields and copies the errors. */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(code, "code");
        errors = errors == null ? null : List.copyOf(errors);
    }

    /**
     * One invalid field of the request.
     *
     * @param pointer where in the request body, as a path such as {@code policies[0].conditions[1].operator}
     * @param message what is wrong with it
     */
    public record FieldProblem(String pointer, String message) {
        /** Checks required fields. */
        public FieldProblem {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(message, "message");
        }
    }
}
