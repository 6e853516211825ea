package dev.arbiter.server;

/** The suite on embedded H2. */
class H2ApprovalSweeperIT extends ApprovalSweeperContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
