package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void load_noSettings_usesDefaults() {
        ServerConfig config = ConfigLoader.load(Map.of());
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.mode()).isEqualTo(Mode.COMMUNITY);
        assertThat(config.database()).isNull();
        assertThat(config.jwt()).isNull();
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void load_enterpriseMode_bindsAllInterfacesByDefault() {
        ServerConfig config = ConfigLoader.load(Map.of("ARBITER_MODE", "Enterprise"));
        assertThat(config.mode()).isEqualTo(Mode.ENTERPRISE);
        assertThat(config.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void load_everyBadValue_isReportedWithItsKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "ARBITER_PORT", "eighty",
                        "ARBITER_MODE", "saas",
                        "ARBITER_DATABASE_URL", "mysql://x",
                        "ARBITER_POLICY_FILE", dir.resolve("missing.yaml").toString(),
                        "ARBITER_JWT_HS256_SECRET", "short",
                        "ARBITER_SHUTDOWN_TIMEOUT", "forever")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(6)
                                .anySatisfy(p -> assertThat(p).startsWith("ARBITER_PORT: "))
                                .anySatisfy(p -> assertThat(p).startsWith("ARBITER_MODE: "))
                                .anySatisfy(p -> assertThat(p).startsWith("ARBITER_DATABASE_URL: "))
                                .anySatisfy(p -> assertThat(p).startsWith("ARBITER_POLICY_FILE: "))
                                .anySatisfy(p -> assertThat(p).startsWith("ARBITER_JWT_HS256_SECRET: "))
                                .anySatisfy(p -> assertThat(p).startsWith("ARBITER_SHUTDOWN_TIMEOUT: ")));
    }

    @Test
    void load_portOutOfRange_isRejected() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ARBITER_PORT", "70000")))
                .hasMessageContaining("ARBITER_PORT: must be an integer within 0..65535, got '70000'");
    }

    @Test
    void load_yamlFile_isReadAndEnvironmentWins() throws IOException {
        Path file = dir.resolve("arbiter.yaml");
        Files.writeString(file, """
                port: 9090
                host: 0.0.0.0
                mode: enterprise
                database:
                  url: jdbc:postgresql://db:5432/arbiter
                  user: arbiter
                  password: s3cret
                jwt:
                  hs256-secret: 0123456789abcdef0123456789abcdef
                  tenant-claim: org
                shutdown-timeout: 5s
                """);
        ServerConfig config = ConfigLoader.load(Map.of("ARBITER_CONFIG", file.toString(), "ARBITER_PORT", "9191"));
        assertThat(config.port()).isEqualTo(9191);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.mode()).isEqualTo(Mode.ENTERPRISE);
        assertThat(config.database()).isNotNull();
        assertThat(config.database().user()).isEqualTo("arbiter");
        assertThat(config.jwt()).isNotNull();
        assertThat(config.jwt().tenantClaim()).isEqualTo("org");
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void load_unknownYamlKey_isReported() throws IOException {
        Path file = dir.resolve("arbiter.yaml");
        Files.writeString(file, "prot: 9090\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ARBITER_CONFIG", file.toString())))
                .hasMessageContaining("unknown key 'prot'");
    }

    @Test
    void load_malformedYaml_isReported() throws IOException {
        Path file = dir.resolve("arbiter.yaml");
        Files.writeString(file, "port: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("ARBITER_CONFIG", file.toString())))
                .hasMessageContaining("ARBITER_CONFIG:")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void describe_masksSecrets() {
        ServerConfig config = ConfigLoader.load(Map.of(
                "ARBITER_DATABASE_URL", "jdbc:postgresql://db/arbiter?user=a&password=hunter2",
                "ARBITER_DATABASE_PASSWORD", "hunter2",
                "ARBITER_JWT_HS256_SECRET", "0123456789abcdef0123456789abcdef-topsecret"));
        String described = ConfigLoader.describe(config);
        assertThat(described)
                .doesNotContain("hunter2")
                .doesNotContain("topsecret")
                .contains("ARBITER_DATABASE_PASSWORD=<masked>")
                .contains("ARBITER_JWT_HS256_SECRET=<masked>")
                .contains("password=<masked>");
        assertThat(config.database().toString()).doesNotContain("hunter2");
        assertThat(config.jwt().toString()).doesNotContain("topsecret");
    }
}
