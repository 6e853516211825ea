package dev.arbiter.server;

/** The suite on embedded H2. */
class H2WorkflowLifecycleIT extends WorkflowLifecycleContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
