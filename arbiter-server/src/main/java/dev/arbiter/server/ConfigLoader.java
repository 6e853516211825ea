package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link ServerConfig} from environment variables and an optional YAML file
 * ({@code ARBITER_CONFIG}). An environment variable wins over the file; defaults fill the rest.
 * Every bad value is reported at once, each message naming its key.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader {
    /** One setting: its environment variable, its key in the YAML file, and whether it is secret. */
    record Key(String env, String file, boolean secret) {}

    static final List<Key> KEYS = List.of(
            new Key("ARBITER_PORT", "port", false),
            new Key("ARBITER_HOST", "host", false),
            new Key("ARBITER_DATA_DIR", "data-dir", false),
            new Key("ARBITER_DATABASE_URL", "database.url", false),
            new Key("ARBITER_DATABASE_USER", "database.user", false),
            new Key("ARBITER_DATABASE_PASSWORD", "database.password", true),
            new Key("ARBITER_MODE", "mode", false),
            new Key("ARBITER_POLICY_FILE", "policy-file", false),
            new Key("ARBITER_JWT_HS256_SECRET", "jwt.hs256-secret", true),
            new Key("ARBITER_JWT_RS256_PUBLIC_KEY", "jwt.rs256-public-key", false),
            new Key("ARBITER_JWT_TENANT_CLAIM", "jwt.tenant-claim", false),
            new Key("ARBITER_JWT_ISSUER", "jwt.issuer", false),
            new Key("ARBITER_JWT_AUDIENCE", "jwt.audience", false),
            new Key("ARBITER_APPROVAL_BASE_URL", "approval-base-url", false),
            new Key("ARBITER_SHUTDOWN_TIMEOUT", "shutdown-timeout", false));

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USERINFO = Pattern.compile("//[^/@]+@");

    private ConfigLoader() {}

    /** Loads from the process environment. */
    public static ServerConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** Loads from the given environment (and the YAML file it may name). */
    public static ServerConfig load(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        String file = env.get("ARBITER_CONFIG");
        if (file != null && !file.isBlank()) {
            readFile(Path.of(file.trim()), values, problems);
        }
        for (Key key : KEYS) {
            String value = env.get(key.env());
            if (value != null && !value.isBlank()) {
                values.put(key.env(), value.trim());
            }
        }
        ServerConfig config = new Parser(values, problems).parse();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /** The effective settings, one per line, with secrets shown as {@code <masked>}. */
    public static String describe(ServerConfig config) {
        Map<String, @Nullable Object> shown = new LinkedHashMap<>();
        shown.put("ARBITER_MODE", config.mode().configName());
        shown.put("ARBITER_HOST", config.host());
        shown.put("ARBITER_PORT", config.port());
        shown.put("ARBITER_DATA_DIR", config.dataDir());
        ServerConfig.Database database = config.database();
        shown.put("ARBITER_DATABASE_URL", database == null ? "<embedded H2>" : maskUrl(database.url()));
        shown.put("ARBITER_DATABASE_USER", database == null ? null : database.user());
        shown.put("ARBITER_DATABASE_PASSWORD", database == null || database.password() == null ? null : "<masked>");
        shown.put("ARBITER_POLICY_FILE", config.policyFile());
        ServerConfig.Jwt jwt = config.jwt();
        shown.put("ARBITER_JWT_HS256_SECRET", jwt == null || jwt.hs256Secret() == null ? null : "<masked>");
        shown.put("ARBITER_JWT_RS256_PUBLIC_KEY", jwt == null ? null : jwt.rs256PublicKey());
        shown.put("ARBITER_JWT_TENANT_CLAIM", jwt == null ? null : jwt.tenantClaim());
        shown.put("ARBITER_APPROVAL_BASE_URL", config.approvalBaseUrl());
        shown.put("ARBITER_SHUTDOWN_TIMEOUT", config.shutdownTimeout().toSeconds() + "s");
        StringBuilder out = new StringBuilder();
        shown.forEach((key, value) -> out.append("  ")
                .append(key)
                .append('=')
                .append(value == null ? "<unset>" : value)
                .append('\n'));
        return out.toString();
    }

    /** A JDBC URL with any password or user-info removed, safe to log. */
    static String maskUrl(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1<masked>");
        return URL_USERINFO.matcher(masked).replaceAll("//<masked>@");
    }

    private static void readFile(Path file, Map<String, String> values, List<String> problems) {
        if (!Files.isReadable(file)) {
            problems.add("ARBITER_CONFIG: cannot read config file " + file);
            return;
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            problems.add("ARBITER_CONFIG: " + file + " is not valid YAML: " + firstLine(e.getMessage()));
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add("ARBITER_CONFIG: " + file + " must hold a mapping of settings");
            return;
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        flat.forEach((fileKey, value) -> {
            Key key = KEYS.stream()
                    .filter(k -> k.file().equals(fileKey))
                    .findFirst()
                    .orElse(null);
            if (key == null) {
                problems.add("ARBITER_CONFIG: unknown key '" + fileKey + "' in " + file);
            } else if (!value.isBlank()) {
                values.put(key.env(), value.trim());
            }
        });
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey().toLowerCase(Locale.ROOT);
            if (field.getValue().isObject()) {
                flatten(name + ".", field.getValue(), out);
            } else if (!field.getValue().isNull()) {
                out.put(name, field.getValue().asText());
            }
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Turns raw strings into typed values, recording a message per bad one. */
    private static final class Parser {
        private final Map<String, String> values;
        private final List<String> problems;

        Parser(Map<String, String> values, List<String> problems) {
            this.values = values;
            this.problems = problems;
        }

        ServerConfig parse() {
            Mode mode = mode();
            int port = port();
            String host = values.getOrDefault("ARBITER_HOST", mode == Mode.COMMUNITY ? "127.0.0.1" : "0.0.0.0");
            Path dataDir = Path.of(values.getOrDefault("ARBITER_DATA_DIR", "./data"));
            if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                problems.add("ARBITER_DATA_DIR: " + dataDir + " exists and is not a directory");
            }
            return new ServerConfig(
                    port,
                    host,
                    dataDir,
                    database(),
                    mode,
                    readableFile("ARBITER_POLICY_FILE"),
                    jwt(),
                    approvalBaseUrl(),
                    shutdownTimeout());
        }

        private Mode mode() {
            String raw = values.get("ARBITER_MODE");
            if (raw == null) {
                return Mode.COMMUNITY;
            }
            return Mode.parse(raw).orElseGet(() -> {
                problems.add("ARBITER_MODE: must be 'community' or 'enterprise', got '" + raw + "'");
                return Mode.COMMUNITY;
            });
        }

        private int port() {
            String raw = values.get("ARBITER_PORT");
            if (raw == null) {
                return 8080;
            }
            try {
                int port = Integer.parseInt(raw);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // Reported below with the same message as an out-of-range number.
            }
            problems.add("ARBITER_PORT: must be an integer within 0..65535, got '" + raw + "'");
            return 8080;
        }

        private ServerConfig.@Nullable Database database() {
            String url = values.get("ARBITER_DATABASE_URL");
            if (url == null) {
                if (values.containsKey("ARBITER_DATABASE_USER") || values.containsKey("ARBITER_DATABASE_PASSWORD")) {
                    problems.add("ARBITER_DATABASE_URL: required when a database user or password is set");
                }
                return null;
            }
            if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
                problems.add("ARBITER_DATABASE_URL: must start with 'jdbc:postgresql:' (or 'jdbc:h2:'), got '"
                        + maskUrl(url) + "'");
                return null;
            }
            return new ServerConfig.Database(
                    url, values.get("ARBITER_DATABASE_USER"), values.get("ARBITER_DATABASE_PASSWORD"));
        }

        private @Nullable Path readableFile(String key) {
            String raw = values.get(key);
            if (raw == null) {
                return null;
            }
            Path path = Path.of(raw);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                problems.add(key + ": cannot read file " + raw);
                return null;
            }
            return path;
        }

        private ServerConfig.@Nullable Jwt jwt() {
            String secret = values.get("ARBITER_JWT_HS256_SECRET");
            Path publicKey = readableFile("ARBITER_JWT_RS256_PUBLIC_KEY");
            boolean anyJwtSetting = values.keySet().stream().anyMatch(k -> k.startsWith("ARBITER_JWT_"));
            if (secret == null && publicKey == null) {
                if (anyJwtSetting && !values.containsKey("ARBITER_JWT_RS256_PUBLIC_KEY")) {
                    problems.add("ARBITER_JWT_HS256_SECRET: JWT settings need ARBITER_JWT_HS256_SECRET or "
                            + "ARBITER_JWT_RS256_PUBLIC_KEY");
                }
                return null;
            }
            if (secret != null && secret.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
                problems.add("ARBITER_JWT_HS256_SECRET: must be at least 32 bytes (256 bits) for HS256");
            }
            return new ServerConfig.Jwt(
                    secret,
                    publicKey,
                    values.getOrDefault("ARBITER_JWT_TENANT_CLAIM", "tenant"),
                    values.get("ARBITER_JWT_ISSUER"),
                    values.get("ARBITER_JWT_AUDIENCE"));
        }

        private @Nullable String approvalBaseUrl() {
            String raw = values.get("ARBITER_APPROVAL_BASE_URL");
            if (raw == null) {
                return null;
            }
            try {
                URI uri = URI.create(raw);
                if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
                    return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
                }
            } catch (IllegalArgumentException e) {
                // Reported below.
            }
            problems.add("ARBITER_APPROVAL_BASE_URL: must be an http(s) URL, got '" + raw + "'");
            return null;
        }

        private Duration shutdownTimeout() {
            String raw = values.get("ARBITER_SHUTDOWN_TIMEOUT");
            if (raw == null) {
                return Duration.ofSeconds(10);
            }
            try {
                Duration duration = raw.chars().allMatch(Character::isDigit)
                        ? Duration.ofSeconds(Long.parseLong(raw))
                        : Duration.parse("PT" + raw.toUpperCase(Locale.ROOT));
                if (!duration.isNegative() && duration.compareTo(Duration.ofMinutes(10)) <= 0) {
                    return duration;
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                // Reported below.
            }
            problems.add("ARBITER_SHUTDOWN_TIMEOUT: must be seconds (e.g. 10 or 10s) within 0..600, got '" + raw + "'");
            return Duration.ofSeconds(10);
        }
    }
}
