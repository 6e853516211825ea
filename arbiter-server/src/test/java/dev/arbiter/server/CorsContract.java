package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.store.IssuedClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS (contract §1.1 "All routes also accept OPTIONS", §1.2): preflights on every route without
 * credentials, in enterprise mode, and {@code Access-Control-Allow-Origin} only for allowed origins.
 */
abstract class CorsContract extends ServerContract {
    static final String ALLOWED = "https://console.example.com";
    static final String FOREIGN = "https://evil.example.net";

    private Client agent;

    @Override
    ServerConfig configure(ServerConfig base) {
        return base.withMode(Mode.ENTERPRISE).withCorsOrigins(List.of(ALLOWED, "http://localhost:3000"));
    }

    @BeforeAll
    void createClient() {
        IssuedClient issued = app.database().inTransaction(tx -> tx.clients().create("acme", "console"));
        agent = client("X-Client-ID", issued.client().clientId(), "X-Client-Secret", issued.secret());
    }

    @Test
    void preflight_onEveryRoute_is204WithTheContractHeaders_andNeedsNoCredentials() {
        for (String path : List.of(
                "/api/v1/workflows",
                "/api/v1/workflows/wf_x",
                "/api/v1/workflows/wf_x/steps/s1/gate",
                "/api/v1/workflows/wf_x/checkpoints/resume",
                "/api/v1/workflows/wf_x/checkpoints/7/resume",
                "/api/v1/workflows/approvals/pending",
                "/api/v1/tenant-policies",
                "/api/v1/audit/search",
                "/health")) {
            Reply reply = preflight(path, ALLOWED);
            assertThat(reply.status()).as("OPTIONS %s", path).isEqualTo(204);
            assertThat(reply.body()).isEmpty();
            assertThat(header(reply, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
            assertThat(header(reply, "Access-Control-Allow-Methods")).isEqualTo("GET, POST, PUT, DELETE, OPTIONS");
            assertThat(header(reply, "Access-Control-Allow-Headers"))
                    .isEqualTo("Content-Type, Authorization, X-Tenant-ID, X-Org-ID, X-User-ID, X-Client-ID,"
                            + " X-Client-Secret");
            assertThat(header(reply, "Access-Control-Max-Age")).isEqualTo("86400");
            assertThat(reply.headers().allValues("Vary")).contains("Origin");
        }
    }

    @Test
    void preflight_fromAForeignOrigin_isAnsweredWithoutAllowOrigin() {
        Reply reply = preflight("/api/v1/workflows", FOREIGN);
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(header(reply, "Access-Control-Max-Age")).isEqualTo("86400");
        assertThat(api.send("OPTIONS", "/api/v1/workflows", null).status())
                .as("without any Origin")
                .isEqualTo(204);
    }

    @Test
    void requests_carryAllowOrigin_onlyForAllowedOrigins() {
        Reply allowed = agent.with("Origin", ALLOWED).get("/api/v1/workflows").expect(200);
        assertThat(header(allowed, "Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        Reply other = agent.with("Origin", "http://localhost:3000")
                .post("/api/v1/workflows", java.util.Map.of("workflow_name", "cors"))
                .expect(201);
        assertThat(header(other, "Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        Reply foreign = agent.with("Origin", FOREIGN).get("/api/v1/workflows").expect(200);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        Reply unauthenticated =
                client("Origin", ALLOWED).get("/api/v1/workflows").expect(401);
        assertThat(header(unauthenticated, "Access-Control-Allow-Origin"))
                .as("so that the browser lets the console read the error")
                .isEqualTo(ALLOWED);
    }

    @Test
    void star_allowsEveryOrigin_andNoSettingAllowsNone() throws IOException {
        Path dir = Files.createTempDirectory("arbiter-cors");
        try (Application star = Application.create(
                        backend().config(dir).withCorsOrigins(List.of("*")), Clock.systemUTC())
                .start()) {
            Client any = new Client("http://127.0.0.1:" + star.port(), "Origin", FOREIGN);
            assertThat(header(any.get("/api/v1/workflows").expect(200), "Access-Control-Allow-Origin"))
                    .isEqualTo("*");
            assertThat(header(any.send("OPTIONS", "/api/v1/workflows", null), "Access-Control-Allow-Origin"))
                    .isEqualTo("*");
        } finally {
            delete(dir);
        }
        Path plain = Files.createTempDirectory("arbiter-cors");
        try (Application none =
                Application.create(backend().config(plain), Clock.systemUTC()).start()) {
            Client client = new Client("http://127.0.0.1:" + none.port(), "Origin", ALLOWED);
            Reply preflight = client.send("OPTIONS", "/api/v1/workflows", null);
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
            assertThat(client.get("/api/v1/workflows").expect(200).headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        } finally {
            delete(plain);
        }
    }

    private Reply preflight(String path, String origin) {
        return client(
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type, x-client-id")
                .send("OPTIONS", path, null);
    }

    private static String header(Reply reply, String name) {
        return reply.headers().firstValue(name).orElse("<absent>");
    }
}
