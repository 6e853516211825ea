package dev.arbiter.server.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** How a CLI command reaches a running server: its URL, credentials, and who is acting. */
final class ServerOptions {
    @Option(
            names = "--url",
            defaultValue = "${env:ARBITER_URL:-http://127.0.0.1:8080}",
            description = "Server base URL (ARBITER_URL; default ${DEFAULT-VALUE}).")
    String url = "http://127.0.0.1:8080";

    @Option(
            names = "--client-id",
            defaultValue = "${env:ARBITER_CLIENT_ID}",
            description = "Client id for enterprise mode (ARBITER_CLIENT_ID).")
    @Nullable
    String clientId;

    @Option(
            names = "--client-secret",
            defaultValue = "${env:ARBITER_CLIENT_SECRET}",
            description = "Client secret for enterprise mode (ARBITER_CLIENT_SECRET).")
    @Nullable
    String clientSecret;

    @Option(
            names = "--user",
            defaultValue = "${env:ARBITER_USER}",
            description = "Who is making the change, recorded in policy versions (ARBITER_USER).")
    @Nullable
    String user;

    /** An HTTP client for these settings. */
    PolicyApi api() {
        return new PolicyApi(url, clientId, clientSecret, user);
    }
}
