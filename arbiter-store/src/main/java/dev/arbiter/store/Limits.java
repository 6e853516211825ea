package dev.arbiter.store;

/**
 * Column sizes the API validates against before writing: a longer value would be a database error (a
 * 500) instead of a 400. Lengths are in characters (UTF-16 units, as {@link String#length()} counts).
 */
public final class Limits {
    /** Ids and short labels: workflow id, step id, tenant, client id, model, provider, tool name, idempotency key. */
    public static final int ID = 255;

    /** Names and free identifiers: workflow name, step name, trace id, approver, user email. */
    public static final int NAME = 1024;

    /** Audit request ids. */
    public static final int REQUEST_ID = 512;

    /** Step types, sources, tool types, audit request types and decisions. */
    public static final int KIND = 64;

    private Limits() {}
}
