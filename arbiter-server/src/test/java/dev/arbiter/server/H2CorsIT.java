package dev.arbiter.server;

/** The suite on embedded H2. */
class H2CorsIT extends CorsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
