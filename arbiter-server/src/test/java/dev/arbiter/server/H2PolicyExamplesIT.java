package dev.arbiter.server;

/** The suite on embedded H2. */
class H2PolicyExamplesIT extends PolicyExamplesContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
