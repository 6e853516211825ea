package dev.arbiter.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A customer's webhook receiver for the tests: a JDK HTTP server on a free port that records every request
 * and answers each path with scripted statuses (then 200), optionally after a delay. Thread-safe.
 */
final class Receiver implements AutoCloseable {
    /** One request as received. */
    record Request(String path, Map<String, String> headers, byte[] body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Request>> received = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxActive = new ConcurrentHashMap<>();

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path} on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests to {@code path} with these statuses, in order; 200 afterwards. */
    void script(String path, Integer... statuses) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    /** Holds every answer on {@code path} for {@code delay}. */
    void delay(String path, Duration delay) {
        delays.put(path, delay);
    }

    /** Requests received on {@code path} so far, in arrival order. */
    List<Request> requests(String path) {
        List<Request> list = received.getOrDefault(path, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    /** Waits until {@code count} requests reached {@code path}; fails after {@code timeout}. */
    List<Request> await(String path, int count, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (requests(path).size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(requests(path)).as("requests to %s", path).hasSizeGreaterThanOrEqualTo(count);
        return requests(path);
    }

    /** The most requests to {@code path} that were being answered at the same time. */
    int maxConcurrent(String path) {
        return maxActive.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        AtomicInteger now = active.computeIfAbsent(path, p -> new AtomicInteger());
        int current = now.incrementAndGet();
        maxActive.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(current, Math::max);
        try (exchange) {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            List<Request> list = received.computeIfAbsent(path, p -> new ArrayList<>());
            synchronized (list) {
                list.add(new Request(path, headers, body, Instant.now()));
            }
            Duration delay = delays.get(path);
            if (delay != null) {
                sleep(delay);
            }
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            // Counted as finished before the answer leaves, so the sender cannot start another one earlier.
            now.decrementAndGet();
            exchange.sendResponseHeaders(scripted == null ? 200 : scripted, -1);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
