package dev.arbiter.server;

/** The suite on embedded H2. */
class H2PolicyEnforcementIT extends PolicyEnforcementContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
