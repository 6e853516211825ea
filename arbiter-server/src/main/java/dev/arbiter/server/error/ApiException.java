package dev.arbiter.server.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be served as asked: bad input, a missing object, an illegal transition.
 * The message is written for the caller and is safe to show; the HTTP layer renders it in the
 * route family's envelope.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Map<String, @Nullable Object> details;

    /** An error with a caller-facing message. */
    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    /** An error with details for the structured envelope. */
    public ApiException(ErrorCode code, String message, Map<String, @Nullable Object> details) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** 400 {@code BAD_REQUEST}. */
    public static ApiException badRequest(String message) {
        return new ApiException(ErrorCode.BAD_REQUEST, message);
    }

    /** 404 {@code NOT_FOUND}. */
    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    /** 409 with the given code. */
    public static ApiException conflict(ErrorCode code, String message) {
        return new ApiException(code, message);
    }

    /** The stable code. */
    public ErrorCode code() {
        return code;
    }

    /** Facts for the structured envelope; empty for simple errors. */
    public Map<String, @Nullable Object> details() {
        return details;
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
