package dev.arbiter.server;

class PostgresStaticPolicyApiIT extends StaticPolicyApiContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
