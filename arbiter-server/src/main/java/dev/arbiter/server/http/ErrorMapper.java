package dev.arbiter.server.http;

import dev.arbiter.server.auth.AuthenticationException;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.error.ErrorCode;
import dev.arbiter.server.policy.PolicyApiException;
import dev.arbiter.store.StoreOverloadedException;
import dev.arbiter.wire.ErrorResponse;
import dev.arbiter.wire.GenericErrorResponse;
import dev.arbiter.wire.SimpleErrorResponse;
import dev.arbiter.wire.StructuredErrorResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place errors become HTTP answers (STYLE Rule 7). The body is the envelope of the route
 * family the path belongs to (contract §0.3): the audit routes use {@code {"success": false,
 * "error"}}; authentication failures {@code {"error"}}; the policy routes their own envelopes (see
 * {@link PolicyErrors}); everything else, including unknown routes,
 * the Workflow Control Plane's {@code {"error", "code", "message"}} (structured for idempotency-key
 * conflicts). Unexpected exceptions become a 500 with an error id and no exception text; the id and
 * the stack trace are logged once. Thread-safe.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** Route families whose error envelopes differ. */
    enum Family {
        WORKFLOW,
        AUDIT,
        DYNAMIC_POLICY,
        STATIC_POLICY,
        PROBLEM;

        static Family of(String path) {
            if (path.startsWith("/api/v1/audit")) {
                return AUDIT;
            }
            if (path.startsWith(PolicyHandlers.BASE) || path.startsWith(PolicyHandlers.LEGACY)) {
                return DYNAMIC_POLICY;
            }
            if (path.startsWith("/api/v1/static-policies")) {
                return STATIC_POLICY;
            }
            // Arbiter-native routes with no AxonFlow counterpart answer RFC 9457 problems (STYLE Rule 7).
            return path.startsWith("/api/v1/policies") ? PROBLEM : WORKFLOW;
        }
    }

    void api(ApiException e, Context ctx) {
        write(ctx, e.code(), e.getMessage(), e);
    }

    /** Policy-management failures, in the envelope of the route family; validation errors list their fields. */
    void policy(PolicyApiException e, Context ctx) {
        PolicyErrors.write(
                ctx, Family.of(ctx.path()), e.kind().status(), e.kind().code(), e.getMessage(), e.fields());
    }

    void authentication(AuthenticationException e, Context ctx) {
        ctx.status(ErrorCode.UNAUTHORIZED.status());
        ctx.header("WWW-Authenticate", "Basic realm=\"arbiter\"");
        ctx.json(new SimpleErrorResponse(e.getMessage()));
    }

    /** Javalin's own errors: 404 for unknown routes, 405, 413 for oversized bodies, 415. */
    void javalin(HttpResponseException e, Context ctx) {
        ErrorCode code = switch (e.getStatus()) {
            case 400 -> ErrorCode.BAD_REQUEST;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> ErrorCode.INTERNAL_ERROR;
        };
        String message = switch (code) {
            case NOT_FOUND -> "Route not found: " + ctx.method() + " " + ctx.path();
            case METHOD_NOT_ALLOWED -> "Method not allowed: " + ctx.method() + " " + ctx.path();
            case PAYLOAD_TOO_LARGE -> "Request body too large (limit 1 MiB)";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported content type";
            case INTERNAL_ERROR -> unexpected((Throwable) e, ctx);
            default -> e.getMessage() == null ? code.category() : e.getMessage();
        };
        write(ctx, code, message, null);
    }

    /** The store refused a write because too many are waiting: 503 with a hint when to retry. */
    void overloaded(StoreOverloadedException e, Context ctx) {
        ctx.header("Retry-After", "1");
        write(ctx, ErrorCode.SERVICE_UNAVAILABLE, "Server busy: " + e.getMessage(), null);
    }

    void unexpected(Exception e, Context ctx) {
        write(ctx, ErrorCode.INTERNAL_ERROR, unexpected((Throwable) e, ctx), null);
    }

    private String unexpected(Throwable e, Context ctx) {
        String id = "err_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        LOG.error("error_id={} {} {} failed", id, ctx.method(), ctx.path(), e);
        return "Internal server error (error id " + id + ")";
    }

    private static void write(Context ctx, ErrorCode code, String message, @Nullable ApiException e) {
        ctx.status(code.status());
        switch (Family.of(ctx.path())) {
            case DYNAMIC_POLICY, STATIC_POLICY, PROBLEM ->
                PolicyErrors.write(ctx, Family.of(ctx.path()), code.status(), code.name(), message, List.of());
            case AUDIT -> ctx.json(GenericErrorResponse.of(message));
            case WORKFLOW -> {
                if (code.structured() && e != null) {
                    ctx.json(new StructuredErrorResponse(
                            new StructuredErrorResponse.Body(code.name(), message, e.details())));
                } else {
                    ctx.json(new ErrorResponse(code.category(), code.name(), message));
                }
            }
        }
    }
}
