package dev.arbiter.server;

/** The suite on embedded H2. */
class H2AuthIT extends AuthContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
