package dev.arbiter.server.http;

import dev.arbiter.server.ServerConfig;
import dev.arbiter.server.auth.AuthenticationException;
import dev.arbiter.server.auth.Authenticator;
import dev.arbiter.server.error.ApiException;
import dev.arbiter.server.policy.PolicyApiException;
import dev.arbiter.store.StoreOverloadedException;
import dev.arbiter.wire.Json;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Javalin 7 on Jetty 12 with virtual threads: body limit, JSON mapping, CORS, authentication filter,
 * error mapping, request metrics, and a graceful stop that lets requests in flight finish.
 *
 * <p>Not thread-safe for start and stop; the running server is.
 */
public final class HttpServer implements AutoCloseable {
    /** The request attribute holding the authenticated {@link dev.arbiter.server.auth.Principal}. */
    static final String PRINCIPAL = "arbiter.principal";

    private final Javalin app;
    private final ServerConfig config;

    /** Configures the server; {@link #start()} binds it. */
    public HttpServer(ServerConfig config, Routes routes, Authenticator authenticator, Metrics metrics) {
        this.config = config;
        ErrorMapper errors = new ErrorMapper();
        this.app = Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.http.maxRequestSize = Json.MAX_DOCUMENT_BYTES;
            javalin.http.defaultContentType = "application/json";
            // Javalin copies each answer through a new buffer of this size (32 KB unless set): a fifth of all
            // the server allocated under gate load, for answers of one or two KB. Jetty aggregates the writes.
            javalin.http.responseBufferSize = 4096;
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jsonMapper(new JavalinJson());
            javalin.jetty.modifyServer(server -> {
                // Javalin attaches its servlet inside this wrapper, so a stop waits for requests in flight.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(config.shutdownTimeout().toMillis());
                server.setStopAtShutdown(false);
            });
            // Jetty's per-connection header cache costs 96 KB of char[] on every connection that has sent a
            // request, for as long as it stays open; agents keep many keep-alive connections, and under load
            // the heap filled with them (docs/benchmarks.md, B1 session 3). The headers it saves parsing are
            // a few short strings.
            javalin.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            javalin.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), ctx.statusCode()));
            // CORS first: a preflight is answered before authentication, since browsers send it without credentials.
            javalin.routes.before(new Cors(config.corsOrigins())::handle);
            javalin.routes.before("/api/*", ctx -> ctx.attribute(PRINCIPAL, authenticator.authenticate(ctx::header)));
            javalin.routes.exception(ApiException.class, errors::api);
            javalin.routes.exception(PolicyApiException.class, errors::policy);
            javalin.routes.exception(AuthenticationException.class, errors::authentication);
            javalin.routes.exception(HttpResponseException.class, errors::javalin);
            javalin.routes.exception(StoreOverloadedException.class, errors::overloaded);
            javalin.routes.exception(Exception.class, errors::unexpected);
            routes.register(javalin.routes);
        });
    }

    /** Binds to the configured host and port. */
    public HttpServer start() {
        app.start(config.host(), config.port());
        return this;
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return app.port();
    }

    /** Stops accepting connections, waits up to the shutdown timeout for requests in flight, stops. */
    @Override
    public void close() {
        app.stop();
    }
}
