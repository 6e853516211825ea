package dev.arbiter.server;

/** The suite on embedded H2. */
class H2ApprovalsIT extends ApprovalsContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
