package dev.arbiter.server;

class H2PolicyApiIT extends PolicyApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
