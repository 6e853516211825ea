package dev.arbiter.server;

class H2AuthIT extends AuthContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
