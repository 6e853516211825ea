package dev.arbiter.server;

/** The suite on embedded H2. */
class H2WebhookDeliveryIT extends WebhookDeliveryContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
