package dev.arbiter.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A scripted fake HTTP server for the failure modes of the outside world: answers queued replies in
 * order (then a fallback), can hang without answering, and records every request.
 */
final class ScriptedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final List<ArbiterClient> clients = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile Reply fallback =
            Reply.json(404, "{\"error\":\"not_found\",\"code\":\"NOT_FOUND\",\"message\":\"unscripted\"}");

    private ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static ScriptedServer start() {
        return new ScriptedServer();
    }

    /** Queues replies answered in order. */
    ScriptedServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the queue is empty. */
    ScriptedServer otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A client of this server with these further settings, closed with the server. */
    ArbiterClient client(UnaryOperator<ArbiterConfig.Builder> settings) {
        ArbiterClient client = ArbiterClient.create(
                settings.apply(ArbiterConfig.builder().endpoint(endpoint())).build());
        clients.add(client);
        return client;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        clients.forEach(ArbiterClient::close);
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()),
                body,
                System.nanoTime()));
        Reply reply = script.poll();
        if (reply == null) {
            reply = fallback;
        }
        if (reply.silent()) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** One scripted reply. */
    record Reply(int status, String body, Map<String, String> headers, boolean silent) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of(), false);
        }

        static Reply hang() {
            return new Reply(0, "", Map.of(), true);
        }

        Reply header(String name, String value) {
            java.util.Map<String, String> copy = new java.util.HashMap<>(headers);
            copy.put(name, value);
            return new Reply(status, body, Map.copyOf(copy), silent);
        }
    }

    /** One request as received, at {@code atNanos} ({@link System#nanoTime()}). */
    record Received(
            String method, String path, String query, Map<String, List<String>> headers, String body, long atNanos) {
        String header(String name) {
            for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return entry.getValue().get(0);
                }
            }
            return null;
        }
    }
}
