package dev.arbiter.client;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Sends one {@link HttpCall} with the client's failure semantics: a deadline over the whole call,
 * retries with exponential backoff for idempotent calls only, the circuit breaker for guarded calls,
 * and every failed attempt logged at WARNING and counted. Error statuses become {@link ApiException}s.
 *
 * <p>A retriable answer with {@code Retry-After} (a 429, or the 503 of Arbiter's full write queue) is
 * repeated no sooner than the header says; when that is longer than the maximum backoff, or any wait would
 * end after the deadline, the answer is final at once, so the caller sees the server's error and its
 * {@link ApiException#retryAfter()} rather than a timeout.
 *
 * <p>Thread-safe.
 */
final class Transport implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Transport.class.getName());
    private static final String USER_AGENT = "arbiter-java-client/0.1";

    private final ArbiterConfig config;
    private final Counters counters;
    private final CircuitBreaker breaker;
    private final ErrorBodies errors;
    private final ExecutorService executor;
    private final HttpClient http;
    private final List<String> headers;
    private volatile boolean closed;

    Transport(ArbiterConfig config, ErrorBodies errors, Counters counters) {
        this.config = config;
        this.counters = counters;
        this.errors = errors;
        this.breaker = new CircuitBreaker(
                config.breakerFailureThreshold(), config.breakerRecovery(), config.clock(), counters);
        AtomicInteger threads = new AtomicInteger();
        // Daemon threads, so a client that is never closed does not keep the JVM alive.
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "arbiter-client-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // Plain http stays on HTTP/1.1: the client's h2c upgrade attempt buys nothing against Arbiter and
        // confuses some proxies. https negotiates HTTP/2 through ALPN as usual.
        HttpClient.Version version =
                "https".equals(config.endpoint().getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        this.http = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(config.connectTimeout())
                .executor(executor)
                .build();
        this.headers = headers(config);
    }

    CircuitState circuitState() {
        return breaker.state();
    }

    /** Sends the call; the future fails with an {@link ArbiterException}, never anything else expected. */
    CompletableFuture<HttpCall.Response> send(HttpCall call) {
        if (closed) {
            throw new IllegalStateException("the Arbiter client is closed");
        }
        Execution execution = new Execution(call);
        execution.attempt(1, null);
        CompletableFuture.delayedExecutor(config.timeout().toMillis(), TimeUnit.MILLISECONDS, executor)
                .execute(execution::deadline);
        return execution.result;
    }

    @Override
    public void close() {
        closed = true;
        // HttpClient is AutoCloseable from Java 21 on; on 17 its threads end with the executor.
        if (http instanceof AutoCloseable) {
            try {
                ((AutoCloseable) http).close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "closing the HTTP client failed", e);
            }
        }
        executor.shutdownNow();
    }

    private HttpRequest request(HttpCall call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(config.endpoint() + call.pathAndQuery()))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        String body = call.body();
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(call.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static List<String> headers(ArbiterConfig config) {
        List<String> headers = new ArrayList<>();
        String clientId = config.clientId();
        if (config.bearerToken() != null) {
            headers.add("Authorization");
            headers.add("Bearer " + config.bearerToken());
        } else if (clientId != null) {
            String secret = config.clientSecret() == null ? "" : config.clientSecret();
            headers.add("Authorization");
            headers.add("Basic "
                    + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        addIfSet(headers, "X-Client-ID", clientId);
        addIfSet(headers, "X-Tenant-ID", config.tenantId());
        addIfSet(headers, "X-User-ID", config.userId());
        return List.copyOf(headers);
    }

    private static void addIfSet(List<String> headers, String name, @Nullable String value) {
        if (value != null) {
            headers.add(name);
            headers.add(value);
        }
    }

    /** One call's attempts, deadline and result. */
    private final class Execution {
        private final HttpCall call;
        private final long deadlineNanos;
        private final CompletableFuture<HttpCall.Response> result = new CompletableFuture<>();
        private volatile @Nullable CompletableFuture<HttpResponse<String>> inFlight;

        Execution(HttpCall call) {
            this.call = call;
            this.deadlineNanos = System.nanoTime() + config.timeout().toNanos();
        }

        void attempt(int number, @Nullable ArbiterException previous) {
            if (result.isDone()) {
                return;
            }
            if (call.guarded() && !breaker.tryAcquire()) {
                counters.shortCircuited.increment();
                // A retry the breaker refuses ends with the failure that caused it, which says more.
                result.completeExceptionally(
                        previous != null
                                ? previous
                                : new CircuitOpenException("Arbiter circuit breaker is open; " + call.describe()
                                        + " was skipped (recovery " + millis(config.breakerRecovery()) + ")"));
                return;
            }
            counters.requests.increment();
            if (number > 1) {
                counters.retries.increment();
            }
            CompletableFuture<HttpResponse<String>> future;
            try {
                future = http.sendAsync(request(call), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // Thrown synchronously, e.g. by a closed client on Java 21.
                onAttempt(number, null, e);
                return;
            }
            inFlight = future;
            future.whenComplete((response, error) -> onAttempt(number, response, error));
        }

        void deadline() {
            ArbiterTimeoutException timeout = new ArbiterTimeoutException(
                    "Arbiter did not answer " + call.describe() + " within " + millis(config.timeout()), null);
            if (!result.completeExceptionally(timeout)) {
                return;
            }
            CompletableFuture<HttpResponse<String>> pending = inFlight;
            if (pending != null && !pending.isDone()) {
                pending.cancel(true);
            }
        }

        private void onAttempt(int number, @Nullable HttpResponse<String> response, @Nullable Throwable error) {
            ArbiterException failure;
            if (response == null) {
                failure = unreachable(unwrap(error));
                failed(number, failure.getMessage(), true);
            } else if (response.statusCode() >= 500) {
                failure = errorFor(response);
                // A 5xx with Retry-After is a live server shedding load (Arbiter's full write queue), not an
                // outage: it is counted and logged, but does not open the breaker, which would fail every
                // gate closed for the recovery time although the server answers again within a second.
                failed(
                        number,
                        failure.getMessage(),
                        response.headers().firstValue("Retry-After").isEmpty());
            } else {
                if (call.guarded()) {
                    breaker.onSuccess();
                }
                if (response.statusCode() < 300) {
                    result.complete(new HttpCall.Response(response.statusCode(), response.body()));
                    return;
                }
                failure = errorFor(response);
            }
            Duration delay = retryDelay(number, failure);
            if (delay == null) {
                result.completeExceptionally(failure);
                return;
            }
            CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, executor)
                    .execute(() -> attempt(number + 1, failure));
        }

        private ApiException errorFor(HttpResponse<String> response) {
            return errors.toException(
                    response.statusCode(),
                    response.body() == null ? "" : response.body(),
                    response.headers().firstValue("Retry-After"));
        }

        private ArbiterException unreachable(@Nullable Throwable cause) {
            if (result.isDone() || cause instanceof CancellationException || cause instanceof HttpTimeoutException) {
                return new ArbiterTimeoutException(
                        "Arbiter did not answer " + call.describe() + " within " + millis(config.timeout()), cause);
            }
            String why = cause instanceof ConnectException
                    ? "connection refused or failed"
                    : cause == null ? "unknown error" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
            return new ArbiterUnavailableException(
                    "Arbiter is unreachable at " + config.endpoint() + " (" + why + ") for " + call.describe(), cause);
        }

        private void failed(int number, String message, boolean countsForBreaker) {
            counters.failures.increment();
            if (call.guarded() && countsForBreaker) {
                breaker.onFailure();
            }
            LOG.log(
                    Level.WARNING,
                    "Arbiter call failed (attempt {0} of {1}): {2}",
                    number,
                    call.idempotent() ? config.maxRetries() + 1 : 1,
                    message);
        }

        private @Nullable Duration retryDelay(int number, ArbiterException failure) {
            if (!call.idempotent() || number > config.maxRetries() || result.isDone()) {
                return null;
            }
            if (!failure.isRetriable() || failure instanceof CircuitOpenException) {
                return null;
            }
            long base = config.initialBackoff().toMillis() << Math.min(number - 1, 20);
            long capped = Math.min(base, config.maxBackoff().toMillis());
            // Equal jitter: half fixed, half random, so clients that failed together do not retry together.
            long millis = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
            Duration after =
                    failure instanceof ApiException api ? api.retryAfter().orElse(null) : null;
            if (after != null) {
                // The server said when (a 429, or a 503 from Arbiter's full write queue): not sooner, and not at
                // all when that is beyond the longest backoff; the caller has retryAfter() to decide then.
                if (after.compareTo(config.maxBackoff()) > 0) {
                    return null;
                }
                millis = Math.max(millis, after.toMillis());
            }
            // A wait that ends after the deadline would only turn the server's answer into a timeout.
            if (deadlineNanos - System.nanoTime() <= TimeUnit.MILLISECONDS.toNanos(millis)) {
                return null;
            }
            return Duration.ofMillis(millis);
        }
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private static @Nullable Throwable unwrap(@Nullable Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        if (current instanceof IOException && current.getCause() instanceof ConnectException) {
            return current.getCause();
        }
        return current;
    }
}
