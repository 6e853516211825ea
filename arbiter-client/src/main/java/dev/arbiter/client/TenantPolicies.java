package dev.arbiter.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.client.policy.PolicyTestRequest;
import dev.arbiter.client.policy.PolicyTestResult;
import dev.arbiter.client.policy.TenantPolicy;
import dev.arbiter.client.policy.TenantPolicyPage;
import dev.arbiter.client.policy.TenantPolicyQuery;
import dev.arbiter.client.policy.TenantPolicyRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Tenant (dynamic) policy management at {@code /api/v1/tenant-policies} (contract §2.1, the newer name
 * of {@code /api/v1/dynamic-policies}); from {@link ArbiterClient#tenantPolicies()}. Policies apply to
 * step gates from the next gate on. Writes are not retried. Thread-safe.
 */
public final class TenantPolicies {
    private static final String BASE = "/api/v1/tenant-policies";
    private static final TypeReference<List<TenantPolicy>> LIST = new TypeReference<>() {};

    private final Transport transport;
    private final Codec codec;

    TenantPolicies(Transport transport, Codec codec) {
        this.transport = transport;
        this.codec = codec;
    }

    /** One page of the tenant's policies. */
    public TenantPolicyPage list(TenantPolicyQuery query) {
        return Futures.await(listAsync(query));
    }

    /** Async {@link #list(TenantPolicyQuery)}. */
    public CompletableFuture<TenantPolicyPage> listAsync(TenantPolicyQuery query) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("category", query.category());
        parameters.put("type", query.type());
        parameters.put("enabled", query.enabled());
        parameters.put("search", query.search());
        parameters.put("page", query.page());
        parameters.put("limit", query.limit());
        return transport
                .send(HttpCall.get(BASE).withQuery(parameters))
                .thenApply(r -> codec.read(r, TenantPolicyPage.class, PolicyShapes::page));
    }

    /** The policy with this id; {@link NotFoundException} if the tenant has none. */
    public TenantPolicy get(String id) {
        return Futures.await(getAsync(id));
    }

    /** Async {@link #get(String)}. */
    public CompletableFuture<TenantPolicy> getAsync(String id) {
        return transport
                .send(HttpCall.get(path(id)))
                .thenApply(r -> codec.read(r, TenantPolicy.class, PolicyShapes::single));
    }

    /** Creates a policy (201); {@link ValidationException} lists invalid fields. */
    public TenantPolicy create(TenantPolicyRequest request) {
        return Futures.await(createAsync(request));
    }

    /** Async {@link #create(TenantPolicyRequest)}. */
    public CompletableFuture<TenantPolicy> createAsync(TenantPolicyRequest request) {
        return transport
                .send(HttpCall.post(BASE, codec.write(request)))
                .thenApply(r -> codec.read(r, TenantPolicy.class, PolicyShapes::single));
    }

    /** Replaces a policy's definition. */
    public TenantPolicy update(String id, TenantPolicyRequest request) {
        return Futures.await(updateAsync(id, request));
    }

    /** Async {@link #update(String, TenantPolicyRequest)}. */
    public CompletableFuture<TenantPolicy> updateAsync(String id, TenantPolicyRequest request) {
        HttpCall call = new HttpCall("PUT", path(id), Map.of(), codec.write(request), false, true);
        return transport.send(call).thenApply(r -> codec.read(r, TenantPolicy.class, PolicyShapes::single));
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

    /** The enabled policies that apply to the tenant (its own and global ones), by priority. */
    public List<TenantPolicy> effective() {
        return Futures.await(effectiveAsync());
    }

    /** Async {@link #effective()}. */
    public CompletableFuture<List<TenantPolicy>> effectiveAsync() {
        return transport
                .send(HttpCall.get(BASE + "/effective"))
                .thenApply(r -> codec.read(r, LIST, PolicyShapes::list));
    }

    /** Evaluates one policy against a sample request; stores nothing, so retried like a read. */
    public PolicyTestResult test(String id, PolicyTestRequest request) {
        return Futures.await(testAsync(id, request));
    }

    /** Async {@link #test(String, PolicyTestRequest)}. */
    public CompletableFuture<PolicyTestResult> testAsync(String id, PolicyTestRequest request) {
        HttpCall call = HttpCall.post(path(id) + "/test", codec.write(request)).idempotent(true);
        return transport.send(call).thenApply(r -> codec.read(r, PolicyTestResult.class, Shapes::same));
    }

    private static String path(String id) {
        return BASE + "/" + HttpCall.segment(id, "policy id");
    }
}
