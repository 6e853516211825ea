package dev.arbiter.server;

import dev.arbiter.store.EmbeddedPostgresSupport;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The suite on real PostgreSQL (skip with {@code -Darbiter.skipPostgres=true}). */
@DisabledIfSystemProperty(named = EmbeddedPostgresSupport.SKIP_PROPERTY, matches = "true")
class PostgresCorsIT extends CorsContract {
    @Override
    Backend backend() {
        return Backend.POSTGRES;
    }
}
