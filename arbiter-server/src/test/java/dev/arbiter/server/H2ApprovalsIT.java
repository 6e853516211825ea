package dev.arbiter.server;

class H2ApprovalsIT extends ApprovalsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
