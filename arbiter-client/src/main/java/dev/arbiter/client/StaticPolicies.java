package dev.arbiter.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.client.policy.PatternTestResult;
import dev.arbiter.client.policy.StaticPolicy;
import dev.arbiter.client.policy.StaticPolicyPage;
import dev.arbiter.client.policy.StaticPolicyQuery;
import dev.arbiter.client.policy.StaticPolicyRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Static (pattern) policy management at {@code /api/v1/static-policies} (contract §2.4); from
 * {@link ArbiterClient#staticPolicies()}. Writes are not retried. Thread-safe.
 */
public final class StaticPolicies {
    private static final String BASE = "/api/v1/static-policies";
    private static final TypeReference<List<StaticPolicy>> LIST = new TypeReference<>() {};

    private final Transport transport;
    private final Codec codec;

    StaticPolicies(Transport transport, Codec codec) {
        this.transport = transport;
        this.codec = codec;
    }

    /** One page of the static policies visible to the tenant (system, organisation and tenant tiers). */
    public StaticPolicyPage list(StaticPolicyQuery query) {
        return Futures.await(listAsync(query));
    }

    /** Async {@link #list(StaticPolicyQuery)}. */
    public CompletableFuture<StaticPolicyPage> listAsync(StaticPolicyQuery query) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("category", query.category());
        parameters.put("tier", query.tier());
        parameters.put("severity", query.severity());
        parameters.put("enabled", query.enabled());
        parameters.put("search", query.search());
        parameters.put("page", query.page());
        parameters.put("page_size", query.pageSize());
        return transport
                .send(HttpCall.get(BASE).withQuery(parameters))
                .thenApply(r -> codec.read(r, StaticPolicyPage.class, PolicyShapes::page));
    }

    /** The policy with this id. */
    public StaticPolicy get(String id) {
        return Futures.await(getAsync(id));
    }

    /** Async {@link #get(String)}. */
    public CompletableFuture<StaticPolicy> getAsync(String id) {
        return transport
                .send(HttpCall.get(path(id)))
                .thenApply(r -> codec.read(r, StaticPolicy.class, PolicyShapes::single));
    }

    /** Creates a tenant-tier policy; an invalid pattern is a {@link ValidationException}. */
    public StaticPolicy create(StaticPolicyRequest request) {
        return Futures.await(createAsync(request));
    }

    /** Async {@link #create(StaticPolicyRequest)}. */
    public CompletableFuture<StaticPolicy> createAsync(StaticPolicyRequest request) {
        return transport
                .send(HttpCall.post(BASE, codec.write(request)))
                .thenApply(r -> codec.read(r, StaticPolicy.class, PolicyShapes::single));
    }

    /** Replaces a policy's definition. */
    public StaticPolicy update(String id, StaticPolicyRequest request) {
        return Futures.await(updateAsync(id, request));
    }

    /** Async {@link #update(String, StaticPolicyRequest)}. */
    public CompletableFuture<StaticPolicy> updateAsync(String id, StaticPolicyRequest request) {
        HttpCall call = new HttpCall("PUT", path(id), Map.of(), codec.write(request), false, true);
        return transport.send(call).thenApply(r -> codec.read(r, StaticPolicy.class, PolicyShapes::single));
    }

    /** Turns a policy on or off ({@code PATCH {"enabled": ...}}). */
    public StaticPolicy setEnabled(String id, boolean enabled) {
        return Futures.await(setEnabledAsync(id, enabled));
    }

    /** Async {@link #setEnabled(String, boolean)}. */
    public CompletableFuture<StaticPolicy> setEnabledAsync(String id, boolean enabled) {
        HttpCall call = new HttpCall("PATCH", path(id), Map.of(), codec.write(Map.of("enabled", enabled)), false, true);
        return transport.send(call).thenApply(r -> codec.read(r, StaticPolicy.class, PolicyShapes::single));
    }

    /** Deletes a policy (204). */
    public void delete(String id) {
        Futures.await(deleteAsync(id));
    }

    /** Async {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String id) {
        return transport
                .send(new HttpCall("DELETE", path(id), Map.of(), null, false, true))
                .thenApply(r -> null);
    }

    /** The static policies in force for the tenant after overrides. */
    public List<StaticPolicy> effective() {
        return Futures.await(effectiveAsync());
    }

    /** Async {@link #effective()}. */
    public CompletableFuture<List<StaticPolicy>> effectiveAsync() {
        return transport
                .send(HttpCall.get(BASE + "/effective"))
                .thenApply(r -> codec.read(r, LIST, PolicyShapes::list));
    }

    /** Tests a pattern against sample inputs without storing anything. */
    public PatternTestResult testPattern(String pattern, List<String> inputs) {
        return Futures.await(testPatternAsync(pattern, inputs));
    }

    /** Async {@link #testPattern(String, List)}. */
    public CompletableFuture<PatternTestResult> testPatternAsync(String pattern, List<String> inputs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pattern", pattern);
        body.put("inputs", List.copyOf(inputs));
        HttpCall call = HttpCall.post(BASE + "/test", codec.write(body)).idempotent(true);
        return transport.send(call).thenApply(r -> codec.read(r, PatternTestResult.class, PolicyShapes::patternTest));
    }

    private static String path(String id) {
        return BASE + "/" + HttpCall.segment(id, "policy id");
    }
}
