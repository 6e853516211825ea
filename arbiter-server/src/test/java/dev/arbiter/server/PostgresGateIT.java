package dev.arbiter.server;

class PostgresGateIT extends GateContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
