package dev.arbiter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void embedded_usesDurableH2Settings_underTheDataDir() {
        DatabaseConfig c = DatabaseConfig.embedded(Path.of("/srv/arbiter/data"));
        assertThat(c.dialect()).isEqualTo(Dialect.H2);
        assertThat(c.jdbcUrl())
                .startsWith("jdbc:h2:retry:/srv/arbiter/data/arbiter;")
                .contains(
                        ";WRITE_DELAY=0",
                        ";MODE=PostgreSQL",
                        ";DB_CLOSE_ON_EXIT=FALSE",
                        ";FILE_LOCK=FS",
                        ";LOCK_TIMEOUT=10000");
        assertThat(c.dataDir()).isEqualTo(Path.of("/srv/arbiter/data"));
        assertThat(c.password()).isNull();
    }

    @Test
    void embedded_resolvesRelativeDataDirs() {
        assertThat(DatabaseConfig.embedded(Path.of("data")).dataDir()).isAbsolute();
    }

    @Test
    void postgres_acceptsJdbcUrls_asGiven() {
        DatabaseConfig c = DatabaseConfig.postgres("jdbc:postgresql://db:5432/arbiter", "app", "s3cret");
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/arbiter");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.password()).isEqualTo("s3cret");
        assertThat(c.dialect()).isEqualTo(Dialect.POSTGRES);
    }

    @Test
    void postgres_convertsLibpqUris_andDecodesCredentials() {
        DatabaseConfig c =
                DatabaseConfig.postgres("postgresql://app:p%40ss%3Aword@db.local:6543/gov?sslmode=require", null, null);
        assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:6543/gov?sslmode=require");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.password()).isEqualTo("p@ss:word");
        assertThat(DatabaseConfig.postgres("postgres://db/gov", null, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://db/gov");
    }

    @Test
    void postgres_explicitCredentials_winOverTheUri() {
        DatabaseConfig c = DatabaseConfig.postgres("postgresql://uri:uripw@db/gov", "env", "envpw");
        assertThat(c.user()).isEqualTo("env");
        assertThat(c.password()).isEqualTo("envpw");
    }

    @Test
    void postgres_rejectsOtherUrls_withAClearMessage() {
        assertThatThrownBy(() -> DatabaseConfig.postgres("mysql://db/gov", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgresql://host:5432/db");
        assertThatThrownBy(() -> DatabaseConfig.postgres("postgresql://db", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("database name");
        assertThatThrownBy(() -> DatabaseConfig.postgres("postgresql://db/x y", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URI");
    }

    @Test
    void toString_masksPasswords_includingOnesInTheUrl() {
        DatabaseConfig c =
                DatabaseConfig.postgres("jdbc:postgresql://db/gov?user=a&password=hunter2&ssl=true", "a", "pw1");
        assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("pw1").contains("<masked>", "ssl=true");
    }

    @Test
    void poolSize_isBounded() {
        DatabaseConfig c = DatabaseConfig.inMemory("x");
        assertThat(c.withMaxPoolSize(4).maxPoolSize()).isEqualTo(4);
        assertThatThrownBy(() -> c.withMaxPoolSize(0)).hasMessageContaining("1..200");
        assertThatThrownBy(() -> c.withMaxPoolSize(201)).hasMessageContaining("1..200");
    }

    @Test
    void inMemory_rejectsNamesThatWouldAlterTheUrl() {
        assertThatThrownBy(() -> DatabaseConfig.inMemory("x;INIT=RUNSCRIPT FROM 'evil'"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dialectAndUrl_mustAgree() {
        assertThatThrownBy(() -> new DatabaseConfig(Dialect.POSTGRES, "jdbc:h2:mem:x", null, null, 5, null))
                .hasMessageContaining("jdbc:postgresql:");
    }
}
