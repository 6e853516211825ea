package dev.arbiter.server;

import dev.arbiter.core.ContentScanner;
import dev.arbiter.server.audit.AuditService;
import dev.arbiter.server.auth.Authenticator;
import dev.arbiter.server.auth.ClientDirectory;
import dev.arbiter.server.auth.JwtVerifier;
import dev.arbiter.server.http.HttpServer;
import dev.arbiter.server.http.Metrics;
import dev.arbiter.server.http.Routes;
import dev.arbiter.server.http.Services;
import dev.arbiter.server.policy.DynamicPolicyQueries;
import dev.arbiter.server.policy.DynamicPolicyService;
import dev.arbiter.server.policy.PolicyImporter;
import dev.arbiter.server.policy.PolicyServices;
import dev.arbiter.server.policy.PolicySets;
import dev.arbiter.server.policy.PolicySimulator;
import dev.arbiter.server.policy.PolicyTester;
import dev.arbiter.server.policy.StaticPolicyQueries;
import dev.arbiter.server.policy.StaticPolicyService;
import dev.arbiter.server.policy.StaticPolicySets;
import dev.arbiter.server.webhook.WebhookDispatcher;
import dev.arbiter.server.webhook.WebhookService;
import dev.arbiter.server.workflow.ApprovalExpiry;
import dev.arbiter.server.workflow.ApprovalSweeper;
import dev.arbiter.server.workflow.Checkpoints;
import dev.arbiter.server.workflow.GatePolicies;
import dev.arbiter.server.workflow.GateService;
import dev.arbiter.server.workflow.Identifiers;
import dev.arbiter.server.workflow.StepService;
import dev.arbiter.server.workflow.WorkflowService;
import dev.arbiter.store.ApiClientRecord;
import dev.arbiter.store.Database;
import dev.arbiter.store.DatabaseConfig;
import dev.arbiter.store.Dialect;
import java.time.Clock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reading {@link #create} top to bottom is reading the architecture. The
 * database opens (and migrates), the policy file is loaded, services are built on it, and the HTTP
 * server on the services. Nothing else in the server calls {@code new} on a collaborator.
 *
 * <p>Not thread-safe for start and close; the running application is.
 */
public final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private final ServerConfig config;
    private final Database database;
    private final HttpServer http;
    private final WebhookDispatcher webhooks;
    private final ApprovalSweeper sweeper;

    private Application(
            ServerConfig config,
            Database database,
            HttpServer http,
            WebhookDispatcher webhooks,
            ApprovalSweeper sweeper) {
        this.config = config;
        this.database = database;
        this.http = http;
        this.webhooks = webhooks;
        this.sweeper = sweeper;
    }

    /** Opens the database and builds everything; {@link #start()} binds the port. */
    public static Application create(ServerConfig config, Clock clock) {
        // The core's scanner validates what it matches (Luhn, mod-97, SSA rules), so look-alikes do not count.
        return create(config, clock, new Identifiers(), ContentScanner.defaults()::containsPii);
    }

    /** As {@link #create(ServerConfig, Clock)} with deterministic ids and a chosen PII probe, for tests. */
    public static Application create(
            ServerConfig config, Clock clock, Identifiers ids, Predicate<CharSequence> piiProbe) {
        Database database = openDatabase(config, clock);
        try {
            if (config.policyFile() != null) {
                int count = PolicyFileLoader.load(config.policyFile(), database);
                LOG.info("loaded {} policies from {} for every tenant", count, config.policyFile());
            }
            Metrics metrics = new Metrics();
            metrics.watch(database);
            PolicySets policySets = new PolicySets();
            ApprovalExpiry expiry = new ApprovalExpiry(database, config.approvalTimeout());
            GateService gates =
                    new GateService(database, new GatePolicies(policySets), piiProbe, config.approvalBaseUrl(), expiry);
            Services services = new Services(
                    new WorkflowService(database, ids, expiry),
                    gates,
                    new StepService(database, expiry),
                    new Checkpoints(database, gates),
                    new AuditService(database),
                    new WebhookService(database));
            PolicyServices policies = new PolicyServices(
                    new DynamicPolicyService(database, config.mode()),
                    new DynamicPolicyQueries(database, clock),
                    new PolicyImporter(database, config.mode()),
                    new PolicyTester(database, piiProbe),
                    new PolicySimulator(database, policySets, clock),
                    new StaticPolicyService(database, config.mode()),
                    new StaticPolicyQueries(database, new StaticPolicySets(), clock));
            Routes routes = new Routes(database, metrics, clock, services, policies);
            JwtVerifier jwt = config.jwt() == null ? null : new JwtVerifier(config.jwt(), clock);
            Authenticator authenticator = new Authenticator(config.mode(), clients(database), jwt);
            HttpServer http = new HttpServer(config, routes, authenticator, metrics);
            WebhookDispatcher webhooks = new WebhookDispatcher(database, config.webhooks(), config.shutdownTimeout());
            return new Application(config, database, http, webhooks, new ApprovalSweeper(expiry));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The database the configuration names: embedded H2 under the data directory, or PostgreSQL. */
    public static Database openDatabase(ServerConfig config, Clock clock) {
        return Database.open(databaseConfig(config), clock);
    }

    static DatabaseConfig databaseConfig(ServerConfig config) {
        ServerConfig.@Nullable Database db = config.database();
        if (db == null) {
            return DatabaseConfig.embedded(config.dataDir());
        }
        if (db.url().startsWith("jdbc:h2:")) {
            return new DatabaseConfig(
                    Dialect.H2, db.url(), db.user(), db.password(), DatabaseConfig.DEFAULT_POOL_SIZE, null);
        }
        return DatabaseConfig.postgres(db.url(), db.user(), db.password());
    }

    private static ClientDirectory clients(Database database) {
        return (id, secret) ->
                database.read(tx -> tx.clients().authenticate(id, secret)).map(ApiClientRecord::tenantId);
    }

    /** Binds the HTTP port, starts webhook delivery and the approval sweeper, and logs where the server listens. */
    public Application start() {
        http.start();
        webhooks.start();
        sweeper.start();
        LOG.info(
                "arbiter {} listening on http://{}:{} (mode {}, {})",
                Version.current(),
                config.host(),
                http.port(),
                config.mode().configName(),
                database.durability());
        return this;
    }

    /** The bound port. */
    public int port() {
        return http.port();
    }

    /** The approval sweeper, for tests that run a sweep at a moment of their choosing. */
    public ApprovalSweeper approvalSweeper() {
        return sweeper;
    }

    /** The database, for tests that insert policies or inspect the audit log. */
    public Database database() {
        return database;
    }

    /**
     * Stops sweeping and accepting requests, lets those in flight finish, drains webhook deliveries (their
     * events may come from those last requests), then closes the database.
     */
    @Override
    public void close() {
        try {
            sweeper.close();
            http.close();
        } finally {
            try {
                webhooks.close();
            } finally {
                database.close();
            }
        }
    }
}
