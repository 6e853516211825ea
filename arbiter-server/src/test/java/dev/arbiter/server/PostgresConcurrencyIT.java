package dev.arbiter.server;

class PostgresConcurrencyIT extends ConcurrencyContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
