package dev.arbiter.server;

class H2PolicyEnforcementIT extends PolicyEnforcementContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
