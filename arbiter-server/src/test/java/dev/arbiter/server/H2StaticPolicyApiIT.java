package dev.arbiter.server;

class H2StaticPolicyApiIT extends StaticPolicyApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
