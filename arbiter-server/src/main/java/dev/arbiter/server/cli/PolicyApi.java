package dev.arbiter.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.arbiter.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The policy routes of a running server, for the CLI: JSON over java.net.http with Basic credentials when
 * given. Failures to reach the server and error answers become {@link CliFailure}s whose message renders the
 * error envelope (dynamic-policy or problem) with its field paths. Thread-safe.
 */
final class PolicyApi {
    static final String POLICIES = "/api/v1/tenant-policies";
    static final String SIMULATE = "/api/v1/policies/simulate";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final @Nullable String authorization;
    private final @Nullable String user;

    PolicyApi(String base, @Nullable String clientId, @Nullable String clientSecret, @Nullable String user) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.authorization = clientId == null || clientSecret == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.user = user;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : json(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (user != null) {
            request.header("X-User-ID", user);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("cannot reach the server at " + base + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        }
        JsonNode tree = parse(response.body());
        if (response.statusCode() >= 400) {
            throw new CliFailure(describe(response.statusCode(), tree, response.body()));
        }
        return tree;
    }

    /** One readable message for an error answer of any envelope. */
    static String describe(int status, JsonNode tree, String raw) {
        List<String> lines = new ArrayList<>();
        JsonNode error = tree.path("error");
        if (error.isObject()) {
            lines.add("HTTP " + status + " " + error.path("code").asText() + ": "
                    + error.path("message").asText());
            error.path("details")
                    .forEach(d -> lines.add("  " + d.path("field").asText() + ": "
                            + d.path("message").asText()));
        } else if (tree.has("title")) {
            lines.add("HTTP " + status + " " + tree.path("code").asText() + ": "
                    + tree.path("detail").asText());
            tree.path("errors")
                    .forEach(e -> lines.add("  " + e.path("pointer").asText() + ": "
                            + e.path("message").asText()));
        } else if (error.isTextual()) {
            lines.add("HTTP " + status + ": " + error.asText());
        } else {
            lines.add("HTTP " + status + ": " + (raw.length() > 200 ? raw.substring(0, 200) + "..." : raw));
        }
        return String.join(System.lineSeparator(), lines);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new CliFailure("cannot write the request as JSON: " + e.getOriginalMessage());
        }
    }
}
