package dev.arbiter.server.cli;

import dev.arbiter.server.Application;
import dev.arbiter.server.ConfigLoader;
import dev.arbiter.store.ApiClientRecord;
import dev.arbiter.store.Database;
import dev.arbiter.store.IssuedClient;
import dev.arbiter.wire.Json;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arbiter clients create|list|revoke}: API clients for enterprise mode. */
@Command(
        name = "clients",
        description = "Manage API clients (enterprise credentials).",
        subcommands = {ClientsCommand.Create.class, ClientsCommand.ListClients.class, ClientsCommand.Revoke.class})
public final class ClientsCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("usage: arbiter clients create --tenant T --name N | list [--tenant T] | revoke ID");
    }

    /** Creates a client and prints its id and secret once, as one JSON object. */
    @Command(name = "create", description = "Create a client; prints {client_id, client_secret, tenant}.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--tenant", required = true, description = "Tenant the client acts for.")
        String tenant = "";

        @Option(names = "--name", required = true, description = "A label for the client.")
        String name = "";

        @Override
        public Integer call() throws Exception {
            try (Database database = open()) {
                IssuedClient issued = database.inTransaction(tx -> tx.clients().create(tenant, name));
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("client_id", issued.client().clientId());
                out.put("client_secret", issued.secret());
                out.put("tenant", issued.client().tenantId());
                out.put("name", issued.client().name());
                System.out.println(Json.mapper().writeValueAsString(out));
            }
            return 0;
        }
    }

    /** Lists clients, one JSON object per line, never their secrets. */
    @Command(name = "list", description = "List clients (never their secrets).")
    static final class ListClients implements Callable<Integer> {
        @Option(names = "--tenant", description = "Only this tenant's clients.")
        @Nullable
        String tenant;

        @Override
        public Integer call() throws Exception {
            try (Database database = open()) {
                List<ApiClientRecord> clients = database.read(tx -> tx.clients().list(tenant));
                for (ApiClientRecord client : clients) {
                    Map<String, @Nullable Object> out = new LinkedHashMap<>();
                    out.put("client_id", client.clientId());
                    out.put("tenant", client.tenantId());
                    out.put("name", client.name());
                    out.put("created_at", client.createdAt().toString());
                    out.put(
                            "revoked_at",
                            client.revokedAt() == null
                                    ? null
                                    : client.revokedAt().toString());
                    out.put("active", client.active());
                    System.out.println(Json.mapper().writeValueAsString(out));
                }
            }
            return 0;
        }
    }

    /** Revokes a client; its credentials stop working at once. */
    @Command(name = "revoke", description = "Revoke a client by id.")
    static final class Revoke implements Callable<Integer> {
        @Parameters(index = "0", description = "The client id.")
        String clientId = "";

        @Override
        public Integer call() {
            try (Database database = open()) {
                boolean revoked = database.inTransaction(tx -> tx.clients().revoke(clientId));
                if (!revoked) {
                    System.err.println("no active client " + clientId);
                    return 1;
                }
                System.out.println("revoked " + clientId);
                return 0;
            }
        }
    }

    static Database open() {
        return Application.openDatabase(ConfigLoader.fromEnvironment(), Clock.systemUTC());
    }
}
