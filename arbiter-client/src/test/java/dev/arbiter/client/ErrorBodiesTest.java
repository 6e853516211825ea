package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every error envelope family of contract §0.3, and RFC 9457, to the right exception. */
class ErrorBodiesTest {
    private final ErrorBodies errors = new ErrorBodies(new Codec().mapper());

    private ApiException read(int status, String body) {
        return errors.toException(status, body, Optional.empty());
    }

    @Test
    void wcpSimpleEnvelope_codeAndMessage() {
        ApiException e = read(409, """
                {"error":"workflow_terminal","code":"WORKFLOW_TERMINAL","message":"workflow is in terminal state: completed"}""");

        assertThat(e).isInstanceOf(WorkflowTerminalException.class);
        assertThat(e.code()).isEqualTo("WORKFLOW_TERMINAL");
        assertThat(e.serverMessage()).isEqualTo("workflow is in terminal state: completed");
        assertThat(e.getMessage()).isEqualTo("HTTP 409 WORKFLOW_TERMINAL: workflow is in terminal state: completed");
    }

    @Test
    void wcpValidationEnvelope_isValidationWithItsCode() {
        ApiException e = read(400, """
                {"error":"validation_error","code":"INVALID_TRACE_ID","message":"trace_id must be at most 255 characters"}""");

        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.code()).isEqualTo("INVALID_TRACE_ID");
    }

    @Test
    void structuredEnvelope_idempotencyMismatchCarriesDetails() {
        ApiException e = read(409, """
                {"error":{"code":"IDEMPOTENCY_KEY_MISMATCH","message":"idempotency key differs",
                 "details":{"workflow_id":"wf_1","step_id":"s","expected_idempotency_key":"","received_idempotency_key":"k2"}}}""");

        assertThat(e).isInstanceOfSatisfying(IdempotencyKeyMismatchException.class, m -> {
            assertThat(m.expectedKey()).contains("");
            assertThat(m.receivedKey()).contains("k2");
        });
        assertThat(e.details()).containsEntry("workflow_id", "wf_1");
    }

    @Test
    void structuredEnvelope_otherConflictCode_isPlainConflict() {
        ApiException e = read(409, """
                {"error":{"code":"STEP_INPUT_MISMATCH","message":"step input differs"}}""");

        assertThat(e).isExactlyInstanceOf(ConflictException.class);
        assertThat(e.code()).isEqualTo("STEP_INPUT_MISMATCH");
    }

    @Test
    void dynamicPolicyEnvelope_detailsListBecomesFieldErrors() {
        ApiException e = read(400, """
                {"error":{"code":"VALIDATION_ERROR","message":"invalid policy",
                 "details":[{"field":"conditions[0].operator","message":"unknown operator 'like'"},
                            {"field":"category","message":"must start with dynamic-"}]}}""");

        assertThat(e)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        v -> assertThat(v.fieldErrors())
                                .containsExactly(
                                        new ValidationException.FieldError(
                                                "conditions[0].operator", "unknown operator 'like'"),
                                        new ValidationException.FieldError("category", "must start with dynamic-")));
    }

    @Test
    void staticPolicyEnvelope_intCode_derivesCodeFromStatus() {
        ApiException e = read(404, """
                {"error":{"code":404,"message":"Policy not found"}}""");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.code()).isEqualTo("NOT_FOUND");
        assertThat(e.serverMessage()).isEqualTo("Policy not found");
    }

    @Test
    void genericEnvelope_successFalse() {
        ApiException e = read(400, """
                {"success":false,"error":"Invalid request body"}""");

        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.code()).isEqualTo("BAD_REQUEST");
        assertThat(e.serverMessage()).isEqualTo("Invalid request body");
    }

    @Test
    void authEnvelope_errorTextOnly() {
        ApiException e = read(401, """
                {"error":"Authentication required: provide Authorization header with Basic auth (clientId:clientSecret)"}""");

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.code()).isEqualTo("UNAUTHORIZED");
        assertThat(e.serverMessage()).startsWith("Authentication required");
    }

    @Test
    void forbidden_isPermissionDenied() {
        assertThat(read(403, "{\"error\":\"Client disabled\"}")).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void replayEnvelope_likeWcp() {
        ApiException e = read(404, """
                {"error":"not found","code":"NOT_FOUND","message":"execution not found"}""");

        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.serverMessage()).isEqualTo("execution not found");
    }

    @Test
    void problemJson_detailCodeAndPointerErrors() {
        ApiException e = read(422, """
                {"type":"https://arbiter.dev/problems/invalid-policy","title":"Invalid policy","status":422,
                 "detail":"2 problems","instance":"/api/v1/tenant-policies","code":"invalid_policy",
                 "errors":[{"pointer":"/conditions/0/value","message":"must be a number"}]}""");

        assertThat(e).isInstanceOfSatisfying(ValidationException.class, v -> {
            assertThat(v.code()).isEqualTo("invalid_policy");
            assertThat(v.serverMessage()).isEqualTo("2 problems");
            assertThat(v.fieldErrors())
                    .containsExactly(new ValidationException.FieldError("/conditions/0/value", "must be a number"));
        });
    }

    @Test
    void nonJsonBody_fromAProxy_keepsTheTextAsMessage() {
        ApiException e = read(502, "<html><body>502 Bad Gateway</body></html>");

        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.code()).isEqualTo("BAD_GATEWAY");
        assertThat(e.serverMessage()).contains("502 Bad Gateway");
        assertThat(e.isRetriable()).isTrue();
    }

    @Test
    void emptyBody_statusOnly() {
        ApiException e = read(413, "");

        assertThat(e).isExactlyInstanceOf(ApiException.class);
        assertThat(e.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(e.serverMessage()).isEqualTo("HTTP 413");
    }

    @Test
    void rateLimited_readsRetryAfterSeconds() {
        ApiException e = errors.toException(
                429, "{\"error\":\"Rate limit exceeded (20 req/min). Try again shortly.\"}", Optional.of("60"));

        assertThat(e)
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(60)));
        assertThat(e.isRetriable()).isTrue();
    }

    @Test
    void retriable_onlyFor429AndGatewayErrors() {
        assertThat(read(500, "").isRetriable()).isFalse();
        assertThat(read(503, "").isRetriable()).isTrue();
        assertThat(read(504, "").isRetriable()).isTrue();
        assertThat(read(404, "").isRetriable()).isFalse();
        assertThat(read(418, "").code()).isEqualTo("HTTP_418");
    }

    @Test
    void staticValidationMessage_listsItsFieldsAsFieldErrors() {
        ApiException e = read(400, """
                {"error":{"code":400,"message":"Request validation failed: pattern: invalid regex: missing ); x; \
                name: is required"}}""");

        assertThat(e)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        v -> assertThat(v.fieldErrors())
                                .containsExactly(
                                        new ValidationException.FieldError("pattern", "invalid regex: missing ); x"),
                                        new ValidationException.FieldError("name", "is required")));
        assertThat(e.code()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void staticMessageWithoutTheValidationPrefix_hasNoFieldErrors() {
        ApiException e = read(400, """
                {"error":{"code":400,"message":"pattern is required"}}""");

        assertThat(e)
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        v -> assertThat(v.fieldErrors()).isEmpty());
    }
}
