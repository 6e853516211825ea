package dev.arbiter.server;

class PostgresPolicyEnforcementIT extends PolicyEnforcementContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
