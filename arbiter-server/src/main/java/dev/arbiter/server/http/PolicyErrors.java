package dev.arbiter.server.http;

import dev.arbiter.core.FieldError;
import dev.arbiter.wire.Problem;
import dev.arbiter.wire.policy.PolicyErrorResponse;
import dev.arbiter.wire.policy.StaticPolicyErrorResponse;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Error bodies of the policy routes (contract §0.3): dynamic policies {@code {"error": {"code", "message",
 * "details": [{field, message}]}}}; static policies {@code {"error": {"code": <status>, "message"}}};
 * Arbiter-native routes an RFC 9457 problem with {@code code} and {@code errors: [{pointer, message}]}.
 * Stateless.
 */
final class PolicyErrors {
    private static final String PROBLEM_BASE = "https://arbiter.dev/problems/";

    private PolicyErrors() {}

    static void write(
            Context ctx, ErrorMapper.Family family, int status, String code, String message, List<FieldError> fields) {
        ctx.status(status);
        switch (family) {
            case STATIC_POLICY -> ctx.json(StaticPolicyErrorResponse.of(status, staticMessage(message, fields)));
            case PROBLEM -> {
                String snake = code.toLowerCase(Locale.ROOT);
                ctx.json(new Problem(
                        PROBLEM_BASE + snake.replace('_', '-'),
                        title(status),
                        status,
                        message,
                        ctx.path(),
                        snake,
                        fields.isEmpty()
                                ? null
                                : fields.stream()
                                        .map(f -> new Problem.FieldProblem(f.field(), f.message()))
                                        .toList()));
                ctx.contentType(Problem.MEDIA_TYPE);
            }
            default ->
                ctx.json(new PolicyErrorResponse(new PolicyErrorResponse.Body(
                        code,
                        message,
                        fields.isEmpty()
                                ? null
                                : fields.stream()
                                        .map(f -> new PolicyErrorResponse.FieldDetail(f.field(), f.message()))
                                        .toList())));
        }
    }

    /** The static envelope has no details: the fields go into the message. */
    private static String staticMessage(String message, List<FieldError> fields) {
        if (fields.isEmpty()) {
            return message;
        }
        return message + ": "
                + String.join("; ", fields.stream().map(FieldError::toString).toList());
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> "Internal server error";
        };
    }
}
