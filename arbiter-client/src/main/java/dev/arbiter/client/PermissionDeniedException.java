package dev.arbiter.client;

/**
 * HTTP 403: the caller is known but may not do this — a disabled client, a licence tier, a policy
 * limit (code {@code FORBIDDEN} unless the body names another).
 */
public final class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    PermissionDeniedException(ErrorBody body) {
        super(body);
    }
}
