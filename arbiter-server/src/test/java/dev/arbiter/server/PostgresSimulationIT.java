package dev.arbiter.server;

class PostgresSimulationIT extends SimulationContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
