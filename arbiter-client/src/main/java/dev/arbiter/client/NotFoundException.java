package dev.arbiter.client;

/**
 * HTTP 404: no such workflow, step or policy for this tenant. Another tenant's object is also a 404,
 * so the answer never confirms that it exists.
 */
public final class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    NotFoundException(ErrorBody body) {
        super(body);
    }
}
