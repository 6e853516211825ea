package dev.arbiter.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The calls on one collection of stored resources at a base path, as tenant policies, static policies and
 * webhook subscriptions share them: list, read, create, replace and delete one by id, and any other call
 * below the base read as JSON. Reads are retried like reads, writes are not ({@link HttpCall}). Every answer
 * passes through a shape function first ({@link Shapes}). Thread-safe.
 *
 * @param <R> the wire record of one resource
 */
final class ResourceCalls<R> {
    private final Transport transport;
    private final Codec codec;
    private final String base;
    private final String idName;
    private final Class<R> type;
    private final UnaryOperator<JsonNode> shape;

    /**
     * Calls on the resources at {@code base}, e.g. {@code /api/v1/webhooks}; {@code idName} names the id in
     * messages ("webhook id must not be blank"), and {@code shape} completes one resource's older shapes.
     */
    ResourceCalls(
            Transport transport,
            Codec codec,
            String base,
            String idName,
            Class<R> type,
            UnaryOperator<JsonNode> shape) {
        this.transport = transport;
        this.codec = codec;
        this.base = base;
        this.idName = idName;
        this.type = type;
        this.shape = shape;
    }

    /** {@code GET base?query}; null parameters are not sent. */
    <T> CompletableFuture<T> list(
            Map<String, @Nullable Object> query, Class<T> page, UnaryOperator<JsonNode> pageShape) {
        return send(HttpCall.get(base).withQuery(query), page, pageShape);
    }

    /** {@code GET base/id}. */
    CompletableFuture<R> get(String id) {
        return send(HttpCall.get(path(id)));
    }

    /** {@code POST base} with the request; not retried, as a repeat would create another. */
    CompletableFuture<R> create(Object request) {
        return send(HttpCall.post(base, body(request)));
    }

    /** {@code PUT base/id} with the request. */
    CompletableFuture<R> update(String id, Object request) {
        return send(HttpCall.put(path(id), body(request)));
    }

    /** {@code DELETE base/id}, answered 204; not retried (see {@link HttpCall#delete(String)}). */
    CompletableFuture<Void> delete(String id) {
        return transport.send(HttpCall.delete(path(id))).thenApply(r -> null);
    }

    /** Any call answered with one resource. */
    CompletableFuture<R> send(HttpCall call) {
        return send(call, type, shape);
    }

    <T> CompletableFuture<T> send(HttpCall call, Class<T> answer, UnaryOperator<JsonNode> answerShape) {
        return transport.send(call).thenApply(r -> codec.read(r, answer, answerShape));
    }

    <T> CompletableFuture<T> send(HttpCall call, TypeReference<T> answer, UnaryOperator<JsonNode> answerShape) {
        return transport.send(call).thenApply(r -> codec.read(r, answer, answerShape));
    }

    /** The request as JSON; a null request is the caller's error. */
    String body(Object request) {
        return codec.write(Objects.requireNonNull(request, "request"));
    }

    /** The path of one resource; a blank id is the caller's error. */
    String path(String id) {
        return base + "/" + HttpCall.segment(id, idName);
    }
}
