package dev.arbiter.server;

class PostgresBadInputIT extends BadInputContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
