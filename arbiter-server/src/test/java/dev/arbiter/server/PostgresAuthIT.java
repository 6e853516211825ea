package dev.arbiter.server;

class PostgresAuthIT extends AuthContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
