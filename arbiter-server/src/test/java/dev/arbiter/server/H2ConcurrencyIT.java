package dev.arbiter.server;

class H2ConcurrencyIT extends ConcurrencyContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
