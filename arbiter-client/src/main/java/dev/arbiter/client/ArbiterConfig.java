package dev.arbiter.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client's settings; build one with {@link #builder()}. Immutable and thread-safe.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>endpoint</td><td>{@code http://localhost:8080}</td><td>Arbiter's base URL</td></tr>
 *   <tr><td>clientId / clientSecret</td><td>none</td><td>sent as {@code Authorization: Basic}; the id also as {@code X-Client-ID}</td></tr>
 *   <tr><td>bearerToken</td><td>none</td><td>sent as {@code Authorization: Bearer} (instead of a secret)</td></tr>
 *   <tr><td>tenantId</td><td>none</td><td>sent as {@code X-Tenant-ID}; servers with authentication take the tenant from the credentials</td></tr>
 *   <tr><td>userId</td><td>none</td><td>sent as {@code X-User-ID}: the approver recorded by approve and reject</td></tr>
 *   <tr><td>timeout</td><td>5 s</td><td>deadline of one call, retries included</td></tr>
 *   <tr><td>connectTimeout</td><td>5 s</td><td>deadline to open a connection</td></tr>
 *   <tr><td>maxRetries</td><td>2</td><td>repeats of a failed idempotent call</td></tr>
 *   <tr><td>retryBackoff</td><td>100 ms doubling, at most 2 s</td><td>wait before a repeat; a server's
 *       {@code Retry-After} up to the maximum is waited for, a longer one ends the call</td></tr>
 *   <tr><td>circuitBreaker</td><td>opens after 5 consecutive failures, half-open after 30 s</td><td></td></tr>
 *   <tr><td>failureMode</td><td>{@link FailureMode#FAIL_CLOSED}</td><td>what a gate does when Arbiter cannot decide</td></tr>
 *   <tr><td>clock</td><td>{@link Clock#systemUTC()}</td><td>time for the breaker and approval waits</td></tr>
 * </table>
 */
public final class ArbiterConfig {
    private final URI endpoint;
    private final @Nullable String clientId;
    private final @Nullable String clientSecret;
    private final @Nullable String bearerToken;
    private final @Nullable String tenantId;
    private final @Nullable String userId;
    private final Duration timeout;
    private final Duration connectTimeout;
    private final int maxRetries;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int breakerFailureThreshold;
    private final Duration breakerRecovery;
    private final FailureMode failureMode;
    private final Clock clock;

    private ArbiterConfig(Builder b) {
        this.endpoint = b.endpoint;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.bearerToken = b.bearerToken;
        this.tenantId = b.tenantId;
        this.userId = b.userId;
        this.timeout = b.timeout;
        this.connectTimeout = b.connectTimeout;
        this.maxRetries = b.maxRetries;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.breakerFailureThreshold = b.breakerFailureThreshold;
        this.breakerRecovery = b.breakerRecovery;
        this.failureMode = b.failureMode;
        this.clock = b.clock;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Arbiter's base URL, without a trailing slash. */
    public URI endpoint() {
        return endpoint;
    }

    /** The client id, if set. */
    public @Nullable String clientId() {
        return clientId;
    }

    /** The client secret, if set. */
    public @Nullable String clientSecret() {
        return clientSecret;
    }

    /** The bearer token, if set. */
    public @Nullable String bearerToken() {
        return bearerToken;
    }

    /** The tenant sent as {@code X-Tenant-ID}, if set. */
    public @Nullable String tenantId() {
        return tenantId;
    }

    /** The user sent as {@code X-User-ID}, if set. */
    public @Nullable String userId() {
        return userId;
    }

    /** The deadline of one call, retries included. */
    public Duration timeout() {
        return timeout;
    }

    /** The deadline to open a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How often a failed idempotent call is repeated. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before the first repeat; it doubles for each further one. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait before a repeat. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** Consecutive failures that open the circuit breaker. */
    public int breakerFailureThreshold() {
        return breakerFailureThreshold;
    }

    /** How long the open breaker skips calls before a trial call. */
    public Duration breakerRecovery() {
        return breakerRecovery;
    }

    /** What a gate does when Arbiter cannot decide. */
    public FailureMode failureMode() {
        return failureMode;
    }

    /** The clock for the breaker and approval waits. */
    public Clock clock() {
        return clock;
    }

    @Override
    public String toString() {
        return "ArbiterConfig[endpoint=" + endpoint + ", clientId=" + clientId + ", clientSecret="
                + (clientSecret == null ? "<unset>" : "<masked>") + ", bearerToken="
                + (bearerToken == null ? "<unset>" : "<masked>") + ", tenantId=" + tenantId + ", userId=" + userId
                + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout + ", maxRetries=" + maxRetries
                + ", backoff=" + initialBackoff + ".." + maxBackoff + ", breaker=" + breakerFailureThreshold + "/"
                + breakerRecovery + ", failureMode=" + failureMode + "]";
    }

    /** Collects settings; {@link #build()} checks them together. Not thread-safe. */
    public static final class Builder {
        private URI endpoint = URI.create("http://localhost:8080");
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private @Nullable String bearerToken;
        private @Nullable String tenantId;
        private @Nullable String userId;
        private Duration timeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(5);
        private int maxRetries = 2;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private int breakerFailureThreshold = 5;
        private Duration breakerRecovery = Duration.ofSeconds(30);
        private FailureMode failureMode = FailureMode.FAIL_CLOSED;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Arbiter's base URL, e.g. {@code http://localhost:8080}; http or https. */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String trimmed = endpoint.strip();
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            URI uri;
            try {
                uri = URI.create(trimmed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("endpoint is not a URL: " + endpoint, e);
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("endpoint must be an http(s) URL with a host: " + endpoint);
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("endpoint must not carry a query or fragment: " + endpoint);
            }
            this.endpoint = uri;
            return this;
        }

        /** The client id: the Basic auth user, also sent as {@code X-Client-ID}. */
        public Builder clientId(@Nullable String clientId) {
            this.clientId = blankToNull(clientId);
            return this;
        }

        /** The client secret: the Basic auth password. Needs a client id. */
        public Builder clientSecret(@Nullable String clientSecret) {
            this.clientSecret = blankToNull(clientSecret);
            return this;
        }

        /** A JWT sent as {@code Authorization: Bearer}; use instead of a client secret. */
        public Builder bearerToken(@Nullable String bearerToken) {
            this.bearerToken = blankToNull(bearerToken);
            return this;
        }

        /** The tenant, sent as {@code X-Tenant-ID}; servers that authenticate ignore it. */
        public Builder tenantId(@Nullable String tenantId) {
            this.tenantId = blankToNull(tenantId);
            return this;
        }

        /** The acting user, sent as {@code X-User-ID}; recorded as the approver of approve and reject. */
        public Builder userId(@Nullable String userId) {
            this.userId = blankToNull(userId);
            return this;
        }

        /** The deadline of one call including its retries; positive. */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** The deadline to open a connection; positive. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How often a failed idempotent call is repeated, 0 to 10. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException("maxRetries must be within 0..10: " + maxRetries);
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * The wait before the first repeat (doubling each time) and the longest wait, which also caps a
         * server's {@code Retry-After}: a longer one is not waited for.
         */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("max backoff must not be shorter than the initial backoff");
            }
            return this;
        }

        /** Open the breaker after {@code failureThreshold} consecutive failures; try again after {@code recovery}. */
        public Builder circuitBreaker(int failureThreshold, Duration recovery) {
            if (failureThreshold < 1) {
                throw new IllegalArgumentException("failureThreshold must be at least 1: " + failureThreshold);
            }
            this.breakerFailureThreshold = failureThreshold;
            this.breakerRecovery = positive(recovery, "recovery");
            return this;
        }

        /** What a gate does when Arbiter cannot decide; {@link FailureMode#FAIL_CLOSED} by default. */
        public Builder failureMode(FailureMode failureMode) {
            this.failureMode = Objects.requireNonNull(failureMode, "failureMode");
            return this;
        }

        /** The clock for the breaker and approval waits; tests pass a controllable one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The settings, checked together. */
        public ArbiterConfig build() {
            if (clientSecret != null && clientId == null) {
                throw new IllegalArgumentException("clientSecret needs a clientId");
            }
            if (clientSecret != null && bearerToken != null) {
                throw new IllegalArgumentException("set either clientSecret or bearerToken, not both");
            }
            return new ArbiterConfig(this);
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }
    }
}
