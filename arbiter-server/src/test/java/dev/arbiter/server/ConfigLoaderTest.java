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
        assertThat(config.approvalTimeout()).isEqualTo(Duration.ofHours(24));
        assertThat(config.corsOrigins()).isEmpty();
    }

    @Test
    void load_approvalTimeout_acceptsIsoAndShortForms() {
        Map<String, Duration> forms = Map.of(
                "PT24H", Duration.ofHours(24),
                "P2D", Duration.ofDays(2),
                "90m", Duration.ofMinutes(90),
                "1h30m", Duration.ofMinutes(90),
                "2d", Duration.ofDays(2),
                "1d12h", Duration.ofHours(36),
                "45s", Duration.ofSeconds(45),
                "600", Duration.ofMinutes(10));
        forms.forEach((raw, expected) -> assertThat(ConfigLoader.load(Map.of("ARBITER_APPROVAL_TIMEOUT", raw))
                        .approvalTimeout())
                .as(raw)
                .isEqualTo(expected));
        for (String bad : new String[] {"0s", "500ms", "forever", "-1h", "PT-5H", "400d", "h"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("ARBITER_APPROVAL_TIMEOUT", bad)))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ConfigException.class,
                            e -> assertThat(e.problems())
                                    .singleElement()
                                    .asString()
                                    .startsWith("ARBITER_APPROVAL_TIMEOUT: ")
                                    .contains("'" + bad + "'"));
        }
    }

    @Test
    void load_corsOrigins_areListedOrigins() throws IOException {
        assertThat(ConfigLoader.load(
                                Map.of("ARBITER_CORS_ORIGINS", " https://a.example.com , http://localhost:3000/,*"))
                        .corsOrigins())
                .containsExactly("https://a.example.com", "http://localhost:3000", "*");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "ARBITER_CORS_ORIGINS", "https://ok.example.com,ftp://x.example.com,https://a.com/path")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .allSatisfy(p -> assertThat(p).startsWith("ARBITER_CORS_ORIGINS: ")));
        Path file = dir.resolve("cors.yaml");
        Files.writeString(file, """
                approval-timeout: 2h
                cors-origins:
                  - https://console.example.com
                  - http://localhost:3000
                """);
        ServerConfig config = ConfigLoader.load(Map.of("ARBITER_CONFIG", file.toString()));
        assertThat(config.corsOrigins()).containsExactly("https://console.example.com", "http://localhost:3000");
        assertThat(config.approvalTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(ConfigLoader.describe(config))
                .contains("ARBITER_APPROVAL_TIMEOUT=PT2H")
                .contains("ARBITER_CORS_ORIGINS=https://console.example.com,http://localhost:3000");
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
