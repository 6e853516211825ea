package dev.arbiter.wire;

import java.util.Objects;

/**
 * The authentication error envelope: {@code {"error": "<text>"}} (contract §0.3, §8.1).
 *
 * @param error what went wrong, e.g. "Authentication required: ..."
 */
public record SimpleErrorResponse(String error) {
    /** Checks that the text is present. */
    public SimpleErrorResponse {
        Objects.requireNonNull(error, "error");
    }
}
