package dev.arbiter.client;

/** HTTP 401: the credentials are missing or wrong (code {@code UNAUTHORIZED}). */
public final class AuthenticationException extends ApiException {
    private static final long serialVersionUID = 1L;

    AuthenticationException(ErrorBody body) {
        super(body);
    }
}
