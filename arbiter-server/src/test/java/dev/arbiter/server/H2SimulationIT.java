package dev.arbiter.server;

/** The suite on embedded H2. */
class H2SimulationIT extends SimulationContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
