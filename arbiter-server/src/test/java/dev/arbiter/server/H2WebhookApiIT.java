package dev.arbiter.server;

/** The suite on embedded H2. */
class H2WebhookApiIT extends WebhookApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
