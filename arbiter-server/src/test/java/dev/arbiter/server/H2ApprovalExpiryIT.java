package dev.arbiter.server;

/** The suite on embedded H2. */
class H2ApprovalExpiryIT extends ApprovalExpiryContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
