package dev.arbiter.server.auth;

/** The caller did not prove who it is; answered with 401 and {@code {"error": message}}. */
public final class AuthenticationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception whose message is shown to the caller. */
    public AuthenticationException(String message) {
        super(message, null, false, false);
    }
}
