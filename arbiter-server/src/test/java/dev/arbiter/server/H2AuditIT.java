package dev.arbiter.server;

/** The suite on embedded H2. */
class H2AuditIT extends AuditContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
