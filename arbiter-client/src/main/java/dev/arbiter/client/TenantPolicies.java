package dev.arbiter.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.client.policy.Simulation;
import dev.arbiter.client.policy.TenantPolicyQuery;
import dev.arbiter.client.policy.TenantPolicyRequest;
import dev.arbiter.wire.policy.EffectivePoliciesResponse;
import dev.arbiter.wire.policy.ExportPoliciesResponse;
import dev.arbiter.wire.policy.ImportPoliciesRequest;
import dev.arbiter.wire.policy.ImportPoliciesResponse;
import dev.arbiter.wire.policy.OverwriteMode;
import dev.arbiter.wire.policy.PolicyListResponse;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.PolicyVersionsResponse;
import dev.arbiter.wire.policy.RollbackRequest;
import dev.arbiter.wire.policy.SimulateRequest;
import dev.arbiter.wire.policy.SimulationReport;
import dev.arbiter.wire.policy.TestPolicyRequest;
import dev.arbiter.wire.policy.TestPolicyResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Tenant (dynamic) policy management at {@code /api/v1/tenant-policies} (contract §2.1, the newer name of
 * {@code /api/v1/dynamic-policies}) and what-if simulation at {@code /api/v1/policies/simulate}; from
 * {@link ArbiterClient#tenantPolicies()}. A change is in force from the next gate on. Answers are the wire
 * records of {@code dev.arbiter.wire.policy}; older AxonFlow shapes are completed first ({@link PolicyShapes}).
 *
 * <p>Errors: {@link ValidationException} with {@link ValidationException#fieldErrors() field errors}
 * ({@code conditions[0].operator}, ...), {@link NotFoundException} (also another tenant's policy),
 * {@link PermissionDeniedException} (system tier; organization tier outside enterprise mode),
 * {@link ConflictException} (a live policy already has the name). Reads, tests and simulations are retried
 * like reads; writes are not. Thread-safe.
 */
public final class TenantPolicies {
    private static final String BASE = "/api/v1/tenant-policies";
    private static final TypeReference<Map<String, @Nullable Object>> DOCUMENT = new TypeReference<>() {};

    private final Codec codec;
    private final ResourceCalls<PolicyResource> calls;

    TenantPolicies(Transport transport, Codec codec) {
        this.codec = codec;
        this.calls =
                new ResourceCalls<>(transport, codec, BASE, "policy id", PolicyResource.class, PolicyShapes::single);
    }

    /** One page of the tenant's policies. */
    public PolicyListResponse list(TenantPolicyQuery query) {
        return Futures.await(listAsync(query));
    }

    /** Async {@link #list(TenantPolicyQuery)}. */
    public CompletableFuture<PolicyListResponse> listAsync(TenantPolicyQuery query) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("category", query.category());
        parameters.put("type", query.type());
        parameters.put("tier", query.tier());
        parameters.put("mode", query.mode());
        parameters.put("enabled", query.enabled());
        parameters.put("search", query.search());
        parameters.put("page", query.page());
        parameters.put("limit", query.limit());
        return calls.list(parameters, PolicyListResponse.class, PolicyShapes::page);
    }

    /** The policy with this id; {@link NotFoundException} if the tenant has none. */
    public PolicyResource get(String id) {
        return Futures.await(getAsync(id));
    }

    /** Async {@link #get(String)}. */
    public CompletableFuture<PolicyResource> getAsync(String id) {
        return calls.get(id);
    }

    /** Creates a policy (201). */
    public PolicyResource create(TenantPolicyRequest request) {
        return Futures.await(createAsync(request));
    }

    /** Async {@link #create(TenantPolicyRequest)}. */
    public CompletableFuture<PolicyResource> createAsync(TenantPolicyRequest request) {
        return calls.create(request);
    }

    /** Updates a policy: members set in the request replace the current ones, the others stay. */
    public PolicyResource update(String id, TenantPolicyRequest request) {
        return Futures.await(updateAsync(id, request));
    }

    /** Async {@link #update(String, TenantPolicyRequest)}. */
    public CompletableFuture<PolicyResource> updateAsync(String id, TenantPolicyRequest request) {
        return calls.update(id, request);
    }

    /** Deletes a policy (204); it keeps its history, and a rollback restores it. */
    public void delete(String id) {
        Futures.await(deleteAsync(id));
    }

    /** Async {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String id) {
        return calls.delete(id);
    }

    /** The enabled policies that apply to the tenant (its own and global ones), highest priority first. */
    public EffectivePoliciesResponse effective() {
        return Futures.await(effectiveAsync());
    }

    /** Async {@link #effective()}. */
    public CompletableFuture<EffectivePoliciesResponse> effectiveAsync() {
        return calls.send(HttpCall.get(BASE + "/effective"), EffectivePoliciesResponse.class, PolicyShapes::effective);
    }

    /** Evaluates one stored policy against a described request; stores nothing. */
    public TestPolicyResponse test(String id, TestPolicyRequest request) {
        return Futures.await(testAsync(id, request));
    }

    /** Evaluates one stored policy against these context keys, e.g. {@code tool_name}. */
    public TestPolicyResponse test(String id, Map<String, ? extends @Nullable Object> context) {
        return test(id, new TestPolicyRequest(null, null, null, new LinkedHashMap<>(context)));
    }

    /** Async {@link #test(String, TestPolicyRequest)}. */
    public CompletableFuture<TestPolicyResponse> testAsync(String id, TestPolicyRequest request) {
        HttpCall call =
                HttpCall.post(calls.path(id) + "/test", calls.body(request)).idempotent(true);
        return calls.send(call, TestPolicyResponse.class, PolicyShapes::tested);
    }

    /** Every version of a policy, newest first. */
    public PolicyVersionsResponse versions(String id) {
        return Futures.await(versionsAsync(id));
    }

    /** Async {@link #versions(String)}. */
    public CompletableFuture<PolicyVersionsResponse> versionsAsync(String id) {
        return calls.send(
                HttpCall.get(calls.path(id) + "/versions"), PolicyVersionsResponse.class, PolicyShapes::versions);
    }

    /** Restores {@code version} as a new version (undeleting a deleted policy); Arbiter's addition. */
    public PolicyResource rollback(String id, int version, @Nullable String reason) {
        return Futures.await(rollbackAsync(id, version, reason));
    }

    /** Async {@link #rollback(String, int, String)}. */
    public CompletableFuture<PolicyResource> rollbackAsync(String id, int version, @Nullable String reason) {
        return calls.send(
                HttpCall.post(calls.path(id) + "/rollback", calls.body(new RollbackRequest(version, reason))));
    }

    /**
     * Imports up to 100 policies in one transaction, matched by name: {@code skip} leaves existing ones,
     * {@code overwrite} writes a new version of those that differ, {@code error} refuses if any exists.
     */
    public ImportPoliciesResponse importPolicies(List<TenantPolicyRequest> policies, OverwriteMode mode) {
        List<Map<String, @Nullable Object>> documents =
                policies.stream().map(TenantPolicyRequest::toDocument).toList();
        return importPolicies(new ImportPoliciesRequest(documents, Objects.requireNonNull(mode, "mode")));
    }

    /**
     * Imports an {@link #export()} back, e.g. to restore policies deleted since or to copy them to another
     * tenant; the read-only members of the exported resources are ignored by the server.
     */
    public ImportPoliciesResponse importPolicies(ExportPoliciesResponse export, OverwriteMode mode) {
        List<Map<String, @Nullable Object>> documents = export.policies().stream()
                .map(policy -> codec.mapper().convertValue(policy, DOCUMENT))
                .toList();
        return importPolicies(new ImportPoliciesRequest(documents, Objects.requireNonNull(mode, "mode")));
    }

    /** Imports policy documents, canonical or shorthand. */
    public ImportPoliciesResponse importPolicies(ImportPoliciesRequest request) {
        return Futures.await(importPoliciesAsync(request));
    }

    /** Async {@link #importPolicies(ImportPoliciesRequest)}. */
    public CompletableFuture<ImportPoliciesResponse> importPoliciesAsync(ImportPoliciesRequest request) {
        HttpCall call = HttpCall.post(BASE + "/import", calls.body(request));
        return calls.send(call, ImportPoliciesResponse.class, PolicyShapes::imported);
    }

    /** The tenant's live policies, in a form {@link #importPolicies(ExportPoliciesResponse, OverwriteMode)} takes back. */
    public ExportPoliciesResponse export() {
        return Futures.await(exportAsync());
    }

    /** Async {@link #export()}. */
    public CompletableFuture<ExportPoliciesResponse> exportAsync() {
        return calls.send(HttpCall.get(BASE + "/export"), ExportPoliciesResponse.class, PolicyShapes::export);
    }

    /**
     * Replays recorded gates against a candidate change ({@link Simulation#builder()}) and reports which
     * decisions would change; changes nothing. Arbiter-native: errors are RFC 9457 problems, read into the
     * same exceptions.
     */
    public SimulationReport simulate(SimulateRequest request) {
        return Futures.await(simulateAsync(request));
    }

    /** Async {@link #simulate(SimulateRequest)}. */
    public CompletableFuture<SimulationReport> simulateAsync(SimulateRequest request) {
        HttpCall call =
                HttpCall.post("/api/v1/policies/simulate", calls.body(request)).idempotent(true);
        return calls.send(call, SimulationReport.class, Shapes::same);
    }
}
