package dev.arbiter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.arbiter.store.IssuedClient;
import dev.arbiter.wire.webhook.CreateWebhookRequest;
import dev.arbiter.wire.webhook.UpdateWebhookRequest;
import dev.arbiter.wire.webhook.WebhookSubscription;
import dev.arbiter.wire.workflow.StepGateRequest;
import dev.arbiter.wire.workflow.StepType;
import dev.arbiter.wire.workflow.WorkflowSource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Credentials against the real server in enterprise mode: Basic, Bearer, and tenant isolation of workflows,
 * checkpoints and webhook subscriptions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationIT {
    private static final String JWT_SECRET = "0123456789abcdef0123456789abcdef-client-tests";

    private RealServer server;
    private IssuedClient acme;
    private IssuedClient globex;

    @BeforeAll
    void start() {
        server = RealServer.enterprise(JWT_SECRET);
        acme = server.issueClient("acme", "acme-agent");
        globex = server.issueClient("globex", "globex-agent");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void noCredentials_throwsAuthenticationException() {
        try (ArbiterClient anonymous = ArbiterClient.create(server.endpoint())) {
            assertThatThrownBy(() -> anonymous.listWorkflows())
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo("UNAUTHORIZED");
                        assertThat(e.serverMessage()).startsWith("Authentication required");
                    });
            assertThat(anonymous.health().status()).isEqualTo("healthy");
        }
    }

    @Test
    void wrongSecret_throwsAuthenticationException() {
        try (ArbiterClient wrong = basic(acme.client().clientId(), "not-the-secret")) {
            assertThatThrownBy(() -> wrong.listWorkflows())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Authentication failed");
        }
    }

    @Test
    void basicCredentials_scopeWorkflowsToTheirTenant_otherTenantSeesNotFound() {
        try (ArbiterClient acmeClient = basic(acme.client().clientId(), acme.secret());
                ArbiterClient globexClient = basic(globex.client().clientId(), globex.secret())) {
            String id = acmeClient
                    .createWorkflow("acme-only", WorkflowSource.EXTERNAL)
                    .workflowId();

            assertThat(acmeClient.getWorkflow(id).workflowName()).isEqualTo("acme-only");
            assertThatThrownBy(() -> globexClient.getWorkflow(id)).isInstanceOf(NotFoundException.class);
            assertThat(globexClient.listWorkflows().workflows())
                    .noneSatisfy(w -> assertThat(w.workflowId()).isEqualTo(id));
        }
    }

    @Test
    void tenantHeader_cannotOverrideTheAuthenticatedTenant() {
        try (ArbiterClient acmeClient = basic(acme.client().clientId(), acme.secret());
                ArbiterClient spoofing = ArbiterClient.create(ArbiterConfig.builder()
                        .endpoint(server.endpoint())
                        .clientId(globex.client().clientId())
                        .clientSecret(globex.secret())
                        .tenantId("acme")
                        .build())) {
            String id = acmeClient
                    .createWorkflow("acme-only", WorkflowSource.EXTERNAL)
                    .workflowId();

            assertThatThrownBy(() -> spoofing.getWorkflow(id)).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void webhooks_otherTenantsSubscription_isNotFoundForEveryCall_andStaysIntact() {
        try (ArbiterClient acmeClient = basic(acme.client().clientId(), acme.secret());
                ArbiterClient globexClient = basic(globex.client().clientId(), globex.secret())) {
            WebhookSubscription acmeHook = acmeClient
                    .webhooks()
                    .create(new CreateWebhookRequest(
                            "https://acme.example.com/arbiter", List.of("*"), "acme-secret", null));
            UpdateWebhookRequest pause = new UpdateWebhookRequest(null, null, null, false);

            assertThatThrownBy(() -> globexClient.webhooks().get(acmeHook.id()))
                    .isInstanceOfSatisfying(
                            NotFoundException.class,
                            e -> assertThat(e.serverMessage()).isEqualTo("Webhook not found"));
            assertThatThrownBy(() -> globexClient.webhooks().update(acmeHook.id(), pause))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> globexClient.webhooks().delete(acmeHook.id()))
                    .isInstanceOf(NotFoundException.class);
            assertThat(globexClient.webhooks().list().webhooks())
                    .extracting(WebhookSubscription::id)
                    .doesNotContain(acmeHook.id());
            assertThat(acmeClient.webhooks().get(acmeHook.id())).isEqualTo(acmeHook);
            assertThat(acmeClient.webhooks().list().webhooks()).contains(acmeHook);
        }
    }

    @Test
    void resumeFromCheckpoint_otherTenantsWorkflow_isNotFound() {
        try (ArbiterClient acmeClient = basic(acme.client().clientId(), acme.secret());
                ArbiterClient globexClient = basic(globex.client().clientId(), globex.secret())) {
            String id = acmeClient
                    .createWorkflow("acme-checkpoints", WorkflowSource.EXTERNAL)
                    .workflowId();
            acmeClient.stepGate(id, "step-1", StepGateRequest.of("plan", StepType.LLM_CALL));
            long checkpoint = acmeClient.getCheckpoints(id).checkpoints().get(0).id();

            assertThatThrownBy(() -> globexClient.getCheckpoints(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> globexClient.resumeFromCheckpoint(id)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> globexClient.resumeFromCheckpoint(id, checkpoint))
                    .isInstanceOf(NotFoundException.class);
            assertThat(acmeClient.getCheckpoints(id).checkpoints().get(0).resumeCount())
                    .isZero();
        }
    }

    @Test
    void bearerToken_withTenantClaim_isAccepted() throws JOSEException {
        try (ArbiterClient acmeClient = basic(acme.client().clientId(), acme.secret());
                ArbiterClient bearer = ArbiterClient.create(ArbiterConfig.builder()
                        .endpoint(server.endpoint())
                        .bearerToken(token("acme"))
                        .build())) {
            String id = acmeClient
                    .createWorkflow("shared-by-tenant", WorkflowSource.EXTERNAL)
                    .workflowId();

            assertThat(bearer.getWorkflow(id).workflowName()).isEqualTo("shared-by-tenant");
        }
    }

    private ArbiterClient basic(String clientId, String secret) {
        return ArbiterClient.create(ArbiterConfig.builder()
                .endpoint(server.endpoint())
                .clientId(clientId)
                .clientSecret(secret)
                .build());
    }

    private static String token(String tenant) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("agent-1")
                        .claim("tenant", tenant)
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        jwt.sign(new MACSigner(JWT_SECRET));
        return jwt.serialize();
    }
}
