package dev.arbiter.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Arbiter answered with an error status. Carries the HTTP status, the contract's error
 * {@link #code() code} (e.g. {@code WORKFLOW_TERMINAL}), the server's message and the raw body.
 *
 * <p>Every error envelope of the contract (§0.3) is understood: the Workflow Control Plane's
 * {@code {"error","code","message"}}, the structured {@code {"error":{"code","message","details"}}},
 * the static-policy {@code {"error":{"code":<int>}}}, the generic {@code {"success":false,"error"}},
 * the auth/proxy {@code {"error"}} and RFC 9457 problem documents. When a body names no code, the
 * code is derived from the status ({@code NOT_FOUND}, {@code UNAUTHORIZED}, ...).
 *
 * <p>Subclasses exist for the codes a caller branches on; any other error is an instance of this
 * class with its code.
 */
public non-sealed class ApiException extends ArbiterException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String serverMessage;
    private final String rawBody;
    private final transient Map<String, @Nullable Object> details;
    private final @Nullable Duration retryAfter;

    ApiException(ErrorBody body) {
        super("HTTP " + body.status() + " " + body.code() + ": " + body.message(), null);
        this.httpStatus = body.status();
        this.code = body.code();
        this.serverMessage = body.message();
        this.rawBody = body.rawBody();
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(body.details()));
        this.retryAfter = body.retryAfter();
    }

    /** The HTTP status, e.g. 409. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The contract's error code, e.g. {@code WORKFLOW_TERMINAL}; derived from the status if the body has none. */
    public String code() {
        return code;
    }

    /** The server's explanation, without the status and code prefix of {@link #getMessage()}. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The response body exactly as received (possibly empty). */
    public String rawBody() {
        return rawBody;
    }

    /** Facts about this occurrence from a structured envelope's {@code details}; empty if none. */
    public Map<String, @Nullable Object> details() {
        return details;
    }

    /**
     * The server's {@code Retry-After}, if it sent one in seconds: with a 429, or with a 503 when its write
     * queue is full ({@code Retry-After: 1}). A call the client does not repeat itself may be repeated by the
     * caller after this long.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isRetriable() {
        return httpStatus == 429 || httpStatus == 502 || httpStatus == 503 || httpStatus == 504;
    }
}
