package dev.arbiter.server;

/** The suite on embedded H2. */
class H2BadInputIT extends BadInputContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
