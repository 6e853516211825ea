package dev.arbiter.server;

class H2WorkflowLifecycleIT extends WorkflowLifecycleContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
