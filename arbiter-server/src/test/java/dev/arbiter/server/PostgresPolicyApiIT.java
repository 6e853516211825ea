package dev.arbiter.server;

class PostgresPolicyApiIT extends PolicyApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
