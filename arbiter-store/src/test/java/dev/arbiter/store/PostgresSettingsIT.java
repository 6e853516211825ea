package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** PostgreSQL durability settings are checked, and corrected, when the store opens. */
@DisabledIfSystemProperty(named = EmbeddedPostgresSupport.SKIP_PROPERTY, matches = "true")
class PostgresSettingsIT {

    @Test
    void synchronousCommitOff_isTurnedOnForArbitersSessions() throws Exception {
        DatabaseConfig config = EmbeddedPostgresSupport.newDatabase();
        String name = config.jdbcUrl().substring(config.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection c =
                        EmbeddedPostgresSupport.server().getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        try (Database db = Database.open(config, MutableClock.standard())) {
            assertThat(db.durability()).isEqualTo("PostgreSQL synchronous_commit=on");
            String inSession = db.jdbi()
                    .withHandle(h -> h.createQuery("SHOW synchronous_commit")
                            .mapTo(String.class)
                            .one());
            assertThat(inSession).isEqualTo("on");
        }
    }

    @Test
    void unreachableServer_failsWithTheUrlAndNoPassword() {
        DatabaseConfig config = DatabaseConfig.postgres("postgresql://nobody:hunter2@127.0.0.1:1/gov", null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(config, MutableClock.standard()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/gov")
                .hasMessageNotContaining("hunter2");
    }
}
