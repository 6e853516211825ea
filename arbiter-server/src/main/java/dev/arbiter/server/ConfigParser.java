package dev.arbiter.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the raw setting strings {@link ConfigLoader} collected into a {@link ServerConfig}, recording
 * one message per bad value (each naming its key) instead of stopping at the first. Single use; not
 * thread-safe.
 */
final class ConfigParser {
    private static final Duration MAX_APPROVAL_TIMEOUT = Duration.ofDays(365);
    // Days, then an ISO time part without the T: 2d, 24h, 1h30m, 90s, 1d12h.
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+D)?(\\d+H)?(\\d+M)?(\\d+S)?");

    private final Map<String, String> values;
    private final List<String> problems;

    ConfigParser(Map<String, String> values, List<String> problems) {
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
                shutdownTimeout(),
                webhooks(),
                approvalTimeout(),
                corsOrigins());
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
                    + ConfigLoader.maskUrl(url) + "'");
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
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
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

    private Duration approvalTimeout() {
        String raw = values.get("ARBITER_APPROVAL_TIMEOUT");
        if (raw == null) {
            return ServerConfig.DEFAULT_APPROVAL_TIMEOUT;
        }
        Duration duration = duration(raw);
        if (duration != null
                && duration.compareTo(Duration.ofSeconds(1)) >= 0
                && duration.compareTo(MAX_APPROVAL_TIMEOUT) <= 0) {
            return duration;
        }
        problems.add("ARBITER_APPROVAL_TIMEOUT: must be a duration within 1s..365d, such as 24h, 90m, 2d or PT24H,"
                + " got '" + raw + "'");
        return ServerConfig.DEFAULT_APPROVAL_TIMEOUT;
    }

    /**
     * An ISO-8601 duration ({@code PT24H}, {@code P1D}), or a short form of whole days, hours, minutes and
     * seconds ({@code 24h}, {@code 1h30m}, {@code 2d}), or bare seconds; {@code null} if it is neither.
     */
    static @Nullable Duration duration(String raw) {
        String text = raw.trim().toUpperCase(Locale.ROOT);
        try {
            if (text.startsWith("P")) {
                return Duration.parse(text);
            }
            if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
                return Duration.ofSeconds(Long.parseLong(text));
            }
            Matcher m = SHORT_DURATION.matcher(text);
            if (!m.matches() || text.isEmpty()) {
                return null;
            }
            String days = m.group(1);
            String time = text.substring(days == null ? 0 : days.length());
            return Duration.parse((days == null ? "P" : "P" + days) + (time.isEmpty() ? "" : "T" + time));
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private List<String> corsOrigins() {
        String raw = values.get("ARBITER_CORS_ORIGINS");
        if (raw == null) {
            return List.of();
        }
        List<String> origins = new ArrayList<>();
        for (String part : raw.split(",")) {
            String origin = part.trim();
            if (origin.isEmpty()) {
                continue;
            }
            if (!origin.equals("*") && !isOrigin(origin)) {
                problems.add("ARBITER_CORS_ORIGINS: '" + origin + "' is not an origin such as https://app.example.com"
                        + " (scheme, host and optional port, no path) or *");
                continue;
            }
            origins.add(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
        }
        return origins;
    }

    private static boolean isOrigin(String value) {
        try {
            URI uri = new URI(value);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            String path = uri.getRawPath();
            return web
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && (path == null || path.isEmpty() || path.equals("/"))
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
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

    private ServerConfig.Webhooks webhooks() {
        ServerConfig.Webhooks defaults = ServerConfig.Webhooks.DEFAULTS;
        Duration max = Duration.ofHours(1);
        return new ServerConfig.Webhooks(
                positiveDuration("ARBITER_WEBHOOK_POLL_INTERVAL", defaults.pollInterval(), max),
                positiveDuration("ARBITER_WEBHOOK_TIMEOUT", defaults.timeout(), Duration.ofMinutes(5)),
                positiveDuration("ARBITER_WEBHOOK_RETRY_BACKOFF", defaults.retryBackoff(), max),
                webhookAttempts(defaults.maxAttempts()));
    }

    /** A duration in seconds ({@code 10}, {@code 10s}, {@code 1.5s}), milliseconds ({@code 250ms}) or minutes. */
    private Duration positiveDuration(String key, Duration fallback, Duration max) {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        String text = raw.toLowerCase(Locale.ROOT);
        try {
            Duration duration = text.endsWith("ms")
                    ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                    : text.chars().allMatch(Character::isDigit)
                            ? Duration.ofSeconds(Long.parseLong(text))
                            : Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
            if (duration.isPositive() && duration.compareTo(max) <= 0) {
                return duration;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // Reported below.
        }
        problems.add(key + ": must be a duration such as 250ms, 5s or 2m, above 0 and at most " + max.toSeconds()
                + "s, got '" + raw + "'");
        return fallback;
    }

    private int webhookAttempts(int fallback) {
        String raw = values.get("ARBITER_WEBHOOK_MAX_ATTEMPTS");
        if (raw == null) {
            return fallback;
        }
        try {
            int attempts = Integer.parseInt(raw);
            if (attempts >= 1 && attempts <= 50) {
                return attempts;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        problems.add("ARBITER_WEBHOOK_MAX_ATTEMPTS: must be an integer within 1..50, got '" + raw + "'");
        return fallback;
    }
}
