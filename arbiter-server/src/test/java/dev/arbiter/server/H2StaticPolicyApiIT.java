package dev.arbiter.server;

/** The suite on embedded H2. */
class H2StaticPolicyApiIT extends StaticPolicyApiContract {
    @Override
    Backend backend() {
        return Backend.H2;
    }
}
