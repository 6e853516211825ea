package dev.arbiter.server;

/** The suite on embedded H2. */
class H2GateIT extends GateContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
