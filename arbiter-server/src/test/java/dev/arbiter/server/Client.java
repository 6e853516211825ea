package dev.arbiter.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.wire.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A tiny JSON-over-HTTP client on java.net.http for the integration tests; thread-safe. */
final class Client {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final List<String> headers;

    Client(String base, String... headers) {
        this.base = base;
        this.headers = List.of(headers);
    }

    /** The same client sending extra headers on every request. */
    Client with(String... extra) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of(extra));
        return new Client(base, all.toArray(String[]::new));
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path) {
        return send("POST", path, null);
    }

    /** POSTs {@code body}: a String is sent as is, anything else as JSON. */
    Reply post(String path, Object body) {
        return send("POST", path, body instanceof String s ? s : json(body));
    }

    Reply send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a workflow and returns its id. */
    String createWorkflow(String name) {
        return post("/api/v1/workflows", Map.of("workflow_name", name))
                .expect(201)
                .text("workflow_id");
    }

    /** Gates a step with a minimal body plus the given fields. */
    Reply gate(String workflowId, String stepId, Map<String, ?> fields) {
        return post("/api/v1/workflows/" + workflowId + "/steps/" + stepId + "/gate", fields);
    }

    static String json(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
