package dev.arbiter.server;

class H2AuditIT extends AuditContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
