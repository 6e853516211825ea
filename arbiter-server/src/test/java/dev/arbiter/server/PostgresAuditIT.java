package dev.arbiter.server;

class PostgresAuditIT extends AuditContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
