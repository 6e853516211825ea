package dev.arbiter.store;

import java.util.Objects;

/**
 * A newly created client with its secret, the only time the secret is available in clear.
 *
 * @param client the stored client
 * @param secret the client secret to hand to the caller once
 */
public record IssuedClient(ApiClientRecord client, String secret) {
    public IssuedClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedClient[client=" + client + ", secret=<masked>]";
    }
}
