package dev.arbiter.server;

class H2BadInputIT extends BadInputContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
