package dev.arbiter.server;

/** The suite on embedded H2. */
class H2CheckpointResumeIT extends CheckpointResumeContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
