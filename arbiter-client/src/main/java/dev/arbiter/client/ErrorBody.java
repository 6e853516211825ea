package dev.arbiter.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error response reduced to what every envelope family shares; built by {@link ErrorBodies}.
 *
 * @param status the HTTP status
 * @param code the contract's code, or one derived from the status
 * @param message the server's explanation
 * @param details the structured envelope's {@code details} object, if any
 * @param fieldErrors per-field problems from a validation envelope, if any
 * @param rawBody the body as received
 * @param retryAfter the {@code Retry-After} header as a duration, if present and in seconds
 */
record ErrorBody(
        int status,
        String code,
        String message,
        Map<String, @Nullable Object> details,
        List<ValidationException.FieldError> fieldErrors,
        String rawBody,
        @Nullable Duration retryAfter) {}
