package dev.arbiter.server;

import dev.arbiter.store.DatabaseConfig;
import dev.arbiter.store.EmbeddedPostgresSupport;
import java.nio.file.Path;

/** The database an integration suite runs on: embedded H2 in a temporary directory, or real PostgreSQL. */
enum Backend {
    H2,
    POSTGRES;

    /** Community mode on a free port with this backend's database. */
    ServerConfig config(Path dataDir) {
        ServerConfig base = ServerConfig.embedded(dataDir, 0);
        return switch (this) {
            case H2 -> base;
            case POSTGRES -> {
                DatabaseConfig db = EmbeddedPostgresSupport.newDatabase();
                yield base.withDatabase(new ServerConfig.Database(db.jdbcUrl(), db.user(), db.password()));
            }
        };
    }
}
