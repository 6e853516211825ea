package dev.arbiter.server;

class H2PolicyExamplesIT extends PolicyExamplesContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
