package dev.arbiter.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            new Key("ARBITER_SHUTDOWN_TIMEOUT", "shutdown-timeout", false),
            new Key("ARBITER_WEBHOOK_POLL_INTERVAL", "webhook.poll-interval", false),
            new Key("ARBITER_WEBHOOK_TIMEOUT", "webhook.timeout", false),
            new Key("ARBITER_WEBHOOK_RETRY_BACKOFF", "webhook.retry-backoff", false),
            new Key("ARBITER_WEBHOOK_MAX_ATTEMPTS", "webhook.max-attempts", false),
            new Key("ARBITER_APPROVAL_TIMEOUT", "approval-timeout", false),
            new Key("ARBITER_CORS_ORIGINS", "cors-origins", false));

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
        ServerConfig config = new ConfigParser(values, problems).parse();
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
        shown.put(
                "ARBITER_WEBHOOK_POLL_INTERVAL",
                config.webhooks().pollInterval().toMillis() + "ms");
        shown.put("ARBITER_WEBHOOK_TIMEOUT", config.webhooks().timeout().toMillis() + "ms");
        shown.put(
                "ARBITER_WEBHOOK_RETRY_BACKOFF",
                config.webhooks().retryBackoff().toMillis() + "ms");
        shown.put("ARBITER_WEBHOOK_MAX_ATTEMPTS", config.webhooks().maxAttempts());
        shown.put("ARBITER_APPROVAL_TIMEOUT", config.approvalTimeout());
        shown.put(
                "ARBITER_CORS_ORIGINS", config.corsOrigins().isEmpty() ? null : String.join(",", config.corsOrigins()));
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
            } else if (field.getValue().isArray()) {
                // A YAML list (cors-origins) reads as the comma-separated form of its environment variable.
                List<String> items = new ArrayList<>();
                field.getValue().forEach(item -> items.add(item.asText()));
                out.put(name, String.join(",", items));
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
}
