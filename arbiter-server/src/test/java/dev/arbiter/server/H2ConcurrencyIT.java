package dev.arbiter.server;

/** The suite on embedded H2. */
class H2ConcurrencyIT extends ConcurrencyContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
