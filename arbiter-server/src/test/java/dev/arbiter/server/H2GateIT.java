package dev.arbiter.server;

class H2GateIT extends GateContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
