package dev.arbiter.server;

class PostgresWorkflowLifecycleIT extends WorkflowLifecycleContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
