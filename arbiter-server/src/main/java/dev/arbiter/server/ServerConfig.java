package dev.arbiter.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server's effective settings, immutable once built. {@link ConfigLoader} builds it from the
 * environment and an optional YAML file; every key and default is in the README's config table.
 *
 * @param port TCP port, 0 for any free port ({@code ARBITER_PORT}, 8080)
 * @param host address to bind ({@code ARBITER_HOST}; 127.0.0.1 in community mode, 0.0.0.0 otherwise)
 * @param dataDir where the embedded H2 database lives ({@code ARBITER_DATA_DIR}, {@code ./data})
 * @param database PostgreSQL settings; {@code null} for the embedded H2 database
 * @param mode community or enterprise ({@code ARBITER_MODE}, community)
 * @param policyFile policies loaded into the store at start ({@code ARBITER_POLICY_FILE})
 * @param jwt how Bearer tokens are verified; {@code null} when Bearer tokens are not accepted
 * @param approvalBaseUrl base of {@code approval_url} in gate responses ({@code ARBITER_APPROVAL_BASE_URL})
 * @param shutdownTimeout how long a stop waits for requests in flight ({@code ARBITER_SHUTDOWN_TIMEOUT}), and then
 *     for webhook deliveries to drain
 * @param webhooks how webhook events are delivered ({@code ARBITER_WEBHOOK_*})
 * @param approvalTimeout how long an approval stays pending before it expires ({@code ARBITER_APPROVAL_TIMEOUT})
 * @param corsOrigins origins answered with {@code Access-Control-Allow-Origin}; {@code *} for any
 *     ({@code ARBITER_CORS_ORIGINS}, none)
 */
public record ServerConfig(
        int port,
        String host,
        Path dataDir,
        @Nullable Database database,
        Mode mode,
        @Nullable Path policyFile,
        @Nullable Jwt jwt,
        @Nullable String approvalBaseUrl,
        Duration shutdownTimeout,
        Webhooks webhooks,
        Duration approvalTimeout,
        List<String> corsOrigins) {

    /** How long an approval stays pending unless configured: 24 hours, as AxonFlow's HITL queue entries. */
    public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(24);

    /** Checks invariants the loader already validated, for configs built in code. */
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(approvalTimeout, "approvalTimeout");
        if (approvalTimeout.isNegative() || approvalTimeout.isZero()) {
            throw new IllegalArgumentException("approvalTimeout must be positive: " + approvalTimeout);
        }
        corsOrigins = List.copyOf(corsOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
    }

    /** Community mode on 127.0.0.1 with H2 under {@code dataDir}: the settings tests start from. */
    public static ServerConfig embedded(Path dataDir, int port) {
        return new ServerConfig(
                port,
                "127.0.0.1",
                dataDir,
                null,
                Mode.COMMUNITY,
                null,
                null,
                null,
                Duration.ofSeconds(10),
                Webhooks.DEFAULTS,
                DEFAULT_APPROVAL_TIMEOUT,
                List.of());
    }

    /** A copy in another mode. */
    public ServerConfig withMode(Mode newMode) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                newMode,
                policyFile,
                jwt,
                approvalBaseUrl,
                shutdownTimeout,
                webhooks,
                approvalTimeout,
                corsOrigins);
    }

    /** A copy using PostgreSQL. */
    public ServerConfig withDatabase(Database newDatabase) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                newDatabase,
                mode,
                policyFile,
                jwt,
                approvalBaseUrl,
                shutdownTimeout,
                webhooks,
                approvalTimeout,
                corsOrigins);
    }

    /** A copy accepting Bearer tokens. */
    public ServerConfig withJwt(Jwt newJwt) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                mode,
                policyFile,
                newJwt,
                approvalBaseUrl,
                shutdownTimeout,
                webhooks,
                approvalTimeout,
                corsOrigins);
    }

    /** A copy that loads policies from a file at start. */
    public ServerConfig withPolicyFile(Path file) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                mode,
                file,
                jwt,
                approvalBaseUrl,
                shutdownTimeout,
                webhooks,
                approvalTimeout,
                corsOrigins);
    }

    /** A copy whose gate answers carry {@code approval_url} under this base. */
    public ServerConfig withApprovalBaseUrl(String baseUrl) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                mode,
                policyFile,
                jwt,
                baseUrl,
                shutdownTimeout,
                webhooks,
                approvalTimeout,
                corsOrigins);
    }

    /** A copy whose approvals expire after {@code timeout}. */
    public ServerConfig withApprovalTimeout(Duration timeout) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                mode,
                policyFile,
                jwt,
                approvalBaseUrl,
                shutdownTimeout,
                webhooks,
                timeout,
                corsOrigins);
    }

    /** A copy that answers cross-origin requests from these origins. */
    public ServerConfig withCorsOrigins(List<String> origins) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                mode,
                policyFile,
                jwt,
                approvalBaseUrl,
                shutdownTimeout,
                webhooks,
                approvalTimeout,
                origins);
    }

    /** A copy delivering webhooks with these settings. */
    public ServerConfig withWebhooks(Webhooks newWebhooks) {
        return new ServerConfig(
                port,
                host,
                dataDir,
                database,
                mode,
                policyFile,
                jwt,
                approvalBaseUrl,
                shutdownTimeout,
                newWebhooks,
                approvalTimeout,
                corsOrigins);
    }

    /**
     * Webhook delivery. A failed delivery is retried after {@code retryBackoff}, then twice as long each
     * time (at most an hour), until {@code maxAttempts} attempts have failed.
     *
     * @param pollInterval how often the outbox is checked for due deliveries when it was empty
     *     ({@code ARBITER_WEBHOOK_POLL_INTERVAL}, 1s)
     * @param timeout how long one delivery may take, connecting included ({@code ARBITER_WEBHOOK_TIMEOUT}, 5s)
     * @param retryBackoff the wait before the first retry ({@code ARBITER_WEBHOOK_RETRY_BACKOFF}, 10s)
     * @param maxAttempts attempts before a delivery is given up ({@code ARBITER_WEBHOOK_MAX_ATTEMPTS}, 8)
     */
    public record Webhooks(Duration pollInterval, Duration timeout, Duration retryBackoff, int maxAttempts) {
        /** The documented defaults. */
        public static final Webhooks DEFAULTS =
                new Webhooks(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10), 8);

        /** Checks that every duration is positive and at least one attempt is made. */
        public Webhooks {
            for (Duration d : new Duration[] {pollInterval, timeout, retryBackoff}) {
                Objects.requireNonNull(d, "webhook durations");
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("webhook durations must be positive: " + d);
                }
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("webhook maxAttempts must be >= 1: " + maxAttempts);
            }
        }
    }

    /**
     * PostgreSQL connection settings.
     *
     * @param url JDBC URL, {@code jdbc:postgresql://...} ({@code ARBITER_DATABASE_URL})
     * @param user login ({@code ARBITER_DATABASE_USER})
     * @param password secret ({@code ARBITER_DATABASE_PASSWORD}); never logged
     */
    public record Database(
            String url, @Nullable String user, @Nullable String password) {
        /** Checks the URL. */
        public Database {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String toString() {
            return "Database[url=" + ConfigLoader.maskUrl(url) + ", user=" + user + ", password="
                    + (password == null ? "<unset>" : "<masked>") + "]";
        }
    }

    /**
     * Bearer token verification. At least one key is set.
     *
     * @param hs256Secret shared secret for HS256, at least 32 bytes ({@code ARBITER_JWT_HS256_SECRET})
     * @param rs256PublicKey PEM file with the RSA public key for RS256 ({@code ARBITER_JWT_RS256_PUBLIC_KEY})
     * @param tenantClaim claim that names the tenant ({@code ARBITER_JWT_TENANT_CLAIM}, {@code tenant})
     * @param issuer required {@code iss}, if set ({@code ARBITER_JWT_ISSUER})
     * @param audience required {@code aud}, if set ({@code ARBITER_JWT_AUDIENCE})
     */
    public record Jwt(
            @Nullable String hs256Secret,
            @Nullable Path rs256PublicKey,
            String tenantClaim,
            @Nullable String issuer,
            @Nullable String audience) {
        /** Checks that a key and the claim name are present. */
        public Jwt {
            Objects.requireNonNull(tenantClaim, "tenantClaim");
            if (hs256Secret == null && rs256PublicKey == null) {
                throw new IllegalArgumentException("a JWT setting needs an HS256 secret or an RS256 public key");
            }
        }

        @Override
        public String toString() {
            return "Jwt[hs256Secret=" + (hs256Secret == null ? "<unset>" : "<masked>") + ", rs256PublicKey="
                    + rs256PublicKey + ", tenantClaim=" + tenantClaim + ", issuer=" + issuer + ", audience="
                    + audience + "]";
        }
    }
}
