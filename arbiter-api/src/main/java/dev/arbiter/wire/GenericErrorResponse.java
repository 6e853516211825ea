package dev.arbiter.wire;

import java.util.Objects;

/**
 * The orchestrator's generic error envelope: {@code {"success": false, "error": "<text>"}}
 * (contract §0.3), used by the audit routes.
 *
 * @param success always {@code false}
 * @param error what went wrong
 */
public record GenericErrorResponse(boolean success, String error) {
    /** Checks that the text is present. */
    public GenericErrorResponse {
        Objects.requireNonNull(error, "error");
    }

    /** A failure envelope with the given text. */
    public static GenericErrorResponse of(String error) {
        return new GenericErrorResponse(false, error);
    }
}
