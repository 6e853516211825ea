package dev.arbiter.server;

class PostgresPolicyExamplesIT extends PolicyExamplesContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
