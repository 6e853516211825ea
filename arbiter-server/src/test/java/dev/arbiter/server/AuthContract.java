package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.arbiter.store.IssuedClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Enterprise mode: each credential form, wrong and missing credentials, and tenant isolation on
 * every route (another tenant's workflow is a 404, reads and writes alike).
 */
abstract class AuthContract extends ServerContract {
    static final String SECRET = "0123456789abcdef0123456789abcdef";

    private Client acme;
    private Client globex;
    private IssuedClient acmeClient;

    @Override
    ServerConfig configure(ServerConfig base) {
        return base.withMode(Mode.ENTERPRISE).withJwt(new ServerConfig.Jwt(SECRET, null, "tenant", null, null));
    }

    @BeforeAll
    void createClients() {
        acmeClient = app.database().inTransaction(tx -> tx.clients().create("acme", "acme-agent"));
        IssuedClient globexClient =
                app.database().inTransaction(tx -> tx.clients().create("globex", "globex-agent"));
        acme = client("Authorization", basic(acmeClient.client().clientId(), acmeClient.secret()));
        globex = client("X-Client-ID", globexClient.client().clientId(), "X-Client-Secret", globexClient.secret());
    }

    @Test
    void basicAuth_isAccepted() {
        assertThat(acme.post("/api/v1/workflows", Map.of("workflow_name", "basic"))
                        .expect(201)
                        .text("workflow_id"))
                .startsWith("wf_");
    }

    @Test
    void clientIdHeaders_areAccepted() {
        globex.post("/api/v1/workflows", Map.of("workflow_name", "headers")).expect(201);
    }

    @Test
    void bearerJwt_isAccepted_andItsTenantIsUsed() throws Exception {
        String id = acme.createWorkflow("jwt-visible");
        Client jwt =
                client("Authorization", "Bearer " + token("acme", Instant.now().plusSeconds(300)));
        assertThat(jwt.get("/api/v1/workflows/" + id).expect(200).text("workflow_id"))
                .isEqualTo(id);
        Client otherTenant = client(
                "Authorization", "Bearer " + token("globex", Instant.now().plusSeconds(300)));
        otherTenant.get("/api/v1/workflows/" + id).expectError(404, "NOT_FOUND");
    }

    @Test
    void missingOrWrongCredentials_are401WithAuthEnvelope() throws Exception {
        Reply none =
                client().post("/api/v1/workflows", Map.of("workflow_name", "x")).expect(401);
        assertThat(none.text("error")).startsWith("Authentication required");
        assertThat(none.json().size()).isEqualTo(1);
        Reply wrong = client("Authorization", basic(acmeClient.client().clientId(), "sk-wrong"))
                .get("/api/v1/workflows")
                .expect(401);
        assertThat(wrong.text("error")).isEqualTo("Authentication failed: invalid client credentials");
        client("X-Client-ID", acmeClient.client().clientId(), "X-Client-Secret", "nope")
                .get("/api/v1/workflows")
                .expect(401);
        client("Authorization", "Bearer " + token("acme", Instant.now().minusSeconds(600)))
                .get("/api/v1/workflows")
                .expect(401);
        client("Authorization", "Bearer not.a.jwt").get("/api/v1/workflows").expect(401);
        client("X-Tenant-ID", "acme").get("/api/v1/workflows").expect(401);
        client().get("/health").expect(200);
    }

    @Test
    void revokedClient_is401() {
        IssuedClient temp = app.database().inTransaction(tx -> tx.clients().create("acme", "temporary"));
        Client c = client("Authorization", basic(temp.client().clientId(), temp.secret()));
        c.get("/api/v1/workflows").expect(200);
        app.database().inTransaction(tx -> tx.clients().revoke(temp.client().clientId()));
        c.get("/api/v1/workflows").expect(401);
    }

    @Test
    void tenantHeader_cannotOverrideCredentials() {
        String id = acme.createWorkflow("spoof-target");
        globex.with("X-Tenant-ID", "acme").get("/api/v1/workflows/" + id).expectError(404, "NOT_FOUND");
    }

    @Test
    void otherTenantsWorkflow_is404OnEveryRoute() {
        String id = acme.createWorkflow("isolated");
        acme.gate(id, "s1", Map.of("step_type", "llm_call")).expect(200);
        String base = "/api/v1/workflows/" + id;
        globex.get(base).expectError(404, "NOT_FOUND");
        globex.gate(id, "s1", Map.of("step_type", "llm_call")).expectError(404, "NOT_FOUND");
        globex.gate(id, "s2", Map.of("step_type", "llm_call")).expectError(404, "NOT_FOUND");
        globex.post(base + "/steps/s1/complete", Map.of("output", Map.of("x", 1)))
                .expectError(404, "NOT_FOUND");
        globex.post(base + "/steps/s1/approve", Map.of("comment", "approving someone else's step"))
                .expectError(404, "NOT_FOUND");
        globex.post(base + "/steps/s1/reject", Map.of("reason", "rejecting someone else's step"))
                .expectError(404, "NOT_FOUND");
        for (String action : List.of("/complete", "/abort", "/fail", "/resume")) {
            globex.post(base + action).expectError(404, "NOT_FOUND");
        }
        assertThat(globex.get("/api/v1/workflows?limit=100")
                        .json()
                        .path("workflows")
                        .findValuesAsText("workflow_id"))
                .doesNotContain(id);
        assertThat(globex.post("/api/v1/audit/search", Map.of("request_id", id))
                        .expect(200)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        globex.get("/api/v1/audit/tenant/acme").expect(404);

        Reply mine = acme.get(base).expect(200);
        assertThat(mine.text("status")).isEqualTo("in_progress");
        assertThat(mine.json().path("steps").size())
                .as("nothing changed by the other tenant")
                .isEqualTo(1);
        assertThat(acme.post("/api/v1/audit/search", Map.of("request_id", id))
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void pendingApprovalsAndAuditVerify_areTenantScoped() {
        assertThat(globex.get("/api/v1/workflows/approvals/pending")
                        .expect(200)
                        .json()
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(acme.get("/api/v1/audit/verify").expect(200).text("tenant_id"))
                .isEqualTo("acme");
        assertThat(globex.get("/api/v1/audit/verify").expect(200).text("tenant_id"))
                .isEqualTo("globex");
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String token(String tenant, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("agent-42")
                        .claim("tenant", tenant)
                        .expirationTime(Date.from(expires))
                        .build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
