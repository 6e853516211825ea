package dev.arbiter.server;

/** The suite on embedded H2. */
class H2PolicyApiIT extends PolicyApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
