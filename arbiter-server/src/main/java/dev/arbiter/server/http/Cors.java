package dev.arbiter.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin requests (contract §1.1 "All routes also accept OPTIONS", §1.2 CORS): every path answers
 * an {@code OPTIONS} preflight with 204 and the contract's allow-headers, methods and max-age, before
 * authentication (browsers send preflights without credentials); an origin on the allow-list
 * ({@code ARBITER_CORS_ORIGINS}, {@code *} for any) gets {@code Access-Control-Allow-Origin} on the
 * preflight and on the request that follows. Other origins get no allow-origin header: the browser then
 * refuses the response, and the server still answers without error.
 *
 * <p>Javalin's CORS plugin echoes the requested headers and methods and needs at least one origin; the
 * contract fixes both lists and allows none, hence this small handler. Immutable and thread-safe.
 */
final class Cors {
    /** The contract's list plus the client-credential headers Arbiter's authentication reads. */
    static final String ALLOW_HEADERS =
            "Content-Type, Authorization, X-Tenant-ID, X-Org-ID, X-User-ID, X-Client-ID, X-Client-Secret";

    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
    static final String MAX_AGE = "86400";

    private final boolean anyOrigin;
    private final Set<String> origins;

    /** Allows {@code origins}; {@code *} among them allows every origin. */
    Cors(List<String> origins) {
        this.anyOrigin = origins.contains("*");
        this.origins = Set.copyOf(origins);
    }

    /**
     * A before-handler for every path: marks the allowed origin, and answers a preflight itself, skipping
     * authentication and the routes.
     */
    void handle(Context ctx) {
        allowOrigin(ctx);
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            ctx.header("Access-Control-Max-Age", MAX_AGE);
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    private void allowOrigin(Context ctx) {
        if (anyOrigin) {
            ctx.header("Access-Control-Allow-Origin", "*");
            return;
        }
        if (origins.isEmpty()) {
            return;
        }
        // The answer depends on the origin; caches must not serve one origin's answer to another.
        ctx.header("Vary", "Origin");
        String origin = ctx.header("Origin");
        if (origin != null && origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
        }
    }
}
