package dev.arbiter.server;

class PostgresApprovalsIT extends ApprovalsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
