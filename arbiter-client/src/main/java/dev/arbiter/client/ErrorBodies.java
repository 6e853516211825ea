package dev.arbiter.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads every error envelope family of contract §0.3 (and RFC 9457 problem documents) into one
 * {@link ErrorBody}, and picks the exception class for it. Stateless.
 */
final class ErrorBodies {
    private static final int MAX_MESSAGE_CHARS = 500;
    private static final String VALIDATION_PREFIX = "Request validation failed: ";
    private static final Pattern FIELD = Pattern.compile("([A-Za-z0-9_.\\[\\]]+): (.*)", Pattern.DOTALL);

    private final ObjectMapper mapper;

    ErrorBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The exception for an error response. */
    ApiException toException(int status, String body, Optional<String> retryAfterHeader) {
        ErrorBody parsed = parse(status, body, retryAfterHeader);
        switch (parsed.code()) {
            case "WORKFLOW_TERMINAL":
                return new WorkflowTerminalException(parsed);
            case "APPROVAL_PENDING":
                return new ApprovalPendingException(parsed);
            case "APPROVAL_EXPIRED":
                return new ApprovalExpiredException(parsed);
            case "IDEMPOTENCY_KEY_MISMATCH":
                return new IdempotencyKeyMismatchException(parsed);
            default:
                break;
        }
        if (status == 400 || status == 422) {
            return new ValidationException(parsed);
        }
        if (status >= 500) {
            return new ServerException(parsed);
        }
        switch (status) {
            case 401:
                return new AuthenticationException(parsed);
            case 403:
                return new PermissionDeniedException(parsed);
            case 404:
                return new NotFoundException(parsed);
            case 409:
                return new ConflictException(parsed);
            case 429:
                return new RateLimitedException(parsed);
            default:
                return new ApiException(parsed);
        }
    }

    ErrorBody parse(int status, String body, Optional<String> retryAfterHeader) {
        Duration retryAfter = retryAfterHeader.flatMap(ErrorBodies::seconds).orElse(null);
        JsonNode root = readTree(body);
        String code = null;
        String message = null;
        Map<String, @Nullable Object> details = new LinkedHashMap<>();
        List<ValidationException.FieldError> fields = new ArrayList<>();
        if (root != null && root.isObject()) {
            JsonNode error = root.get("error");
            if (error != null && error.isObject()) {
                // Structured, dynamic-policy and static-policy envelopes; the static one has an int code.
                code = text(error.get("code"));
                message = text(error.get("message"));
                readDetails(error.get("details"), details, fields);
                if (error.path("code").isNumber() && message != null) {
                    fields.addAll(fieldsInMessage(message));
                }
            } else {
                // WCP simple/validation, replay, generic {"success":false}, auth/proxy, problem+json.
                code = text(root.get("code"));
                message = firstText(root, "message", "detail", "title");
                if (message == null) {
                    message = text(error);
                }
                readDetails(root.get("errors"), details, fields);
                readDetails(root.get("details"), details, fields);
            }
        }
        if (code == null || code.isBlank()) {
            code = codeFor(status);
        }
        if (message == null || message.isBlank()) {
            message = root == null && !body.isBlank() ? truncate(body.strip()) : "HTTP " + status;
        }
        return new ErrorBody(status, code, message, details, fields, body, retryAfter);
    }

    /** The code a body without one gets, from its status. */
    static String codeFor(int status) {
        switch (status) {
            case 400:
                return "BAD_REQUEST";
            case 401:
                return "UNAUTHORIZED";
            case 403:
                return "FORBIDDEN";
            case 404:
                return "NOT_FOUND";
            case 405:
                return "METHOD_NOT_ALLOWED";
            case 409:
                return "CONFLICT";
            case 413:
                return "PAYLOAD_TOO_LARGE";
            case 422:
                return "VALIDATION_ERROR";
            case 429:
                return "RATE_LIMITED";
            case 500:
                return "INTERNAL_ERROR";
            case 502:
                return "BAD_GATEWAY";
            case 503:
                return "SERVICE_UNAVAILABLE";
            case 504:
                return "GATEWAY_TIMEOUT";
            default:
                return "HTTP_" + status;
        }
    }

    /**
     * The static-policy envelope has no details, so Arbiter lists invalid fields in the message:
     * {@code Request validation failed: pattern: invalid regex: missing ); name: is required}. A piece
     * that does not start with a field name continues the previous field's message.
     */
    static List<ValidationException.FieldError> fieldsInMessage(String message) {
        if (!message.startsWith(VALIDATION_PREFIX)) {
            return List.of();
        }
        List<String[]> pieces = new ArrayList<>();
        for (String piece : message.substring(VALIDATION_PREFIX.length()).split("; ")) {
            Matcher field = FIELD.matcher(piece);
            if (field.matches()) {
                pieces.add(new String[] {field.group(1), field.group(2)});
            } else if (pieces.isEmpty()) {
                pieces.add(new String[] {"", piece});
            } else {
                String[] last = pieces.get(pieces.size() - 1);
                last[1] = last[1] + "; " + piece;
            }
        }
        List<ValidationException.FieldError> fields = new ArrayList<>();
        for (String[] piece : pieces) {
            fields.add(new ValidationException.FieldError(piece[0], piece[1]));
        }
        return fields;
    }

    private @Nullable JsonNode readTree(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void readDetails(
            @Nullable JsonNode node,
            Map<String, @Nullable Object> details,
            List<ValidationException.FieldError> fields) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, @Nullable Object> map = mapper.convertValue(node, Map.class);
            details.putAll(map);
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String field = firstText(item, "field", "pointer", "name");
                String text = firstText(item, "message", "detail");
                if (field != null || text != null) {
                    fields.add(new ValidationException.FieldError(
                            field == null ? "" : field, text == null ? "invalid" : text));
                }
            }
        }
    }

    private static @Nullable String firstText(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(node.get(name));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull() || node.isNumber()) {
            return null;
        }
        return node.asText();
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long value = Long.parseLong(header.trim());
            return value < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
