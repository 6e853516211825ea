package dev.arbiter.server;

class H2SimulationIT extends SimulationContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
