package dev.arbiter.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.client.policy.StaticPolicyQuery;
import dev.arbiter.client.policy.StaticPolicyRequest;
import dev.arbiter.wire.policy.PatternTestRequest;
import dev.arbiter.wire.policy.PatternTestResponse;
import dev.arbiter.wire.policy.RollbackRequest;
import dev.arbiter.wire.policy.StaticPolicyListResponse;
import dev.arbiter.wire.policy.StaticPolicyResource;
import dev.arbiter.wire.policy.StaticPolicyToggleRequest;
import dev.arbiter.wire.policy.StaticPolicyVersionsResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Static (pattern) policy management at {@code /api/v1/static-policies} (contract §2.4); from
 * {@link ArbiterClient#staticPolicies()}. Policies are addressed by UUID or readable id ({@code sys_pii_ssn}).
 * Answers are the wire records of {@code dev.arbiter.wire.policy}; older AxonFlow shapes are completed first
 * ({@link StaticPolicyShapes}).
 *
 * <p>Errors: {@link ValidationException} (an invalid RE2 pattern; the static envelope lists the fields in its
 * message, which is also read into {@link ValidationException#fieldErrors()}), {@link NotFoundException},
 * {@link PermissionDeniedException} (the read-only system tier), {@link ConflictException} (name taken).
 * Reads and pattern tests are retried like reads; writes are not. Thread-safe.
 */
public final class StaticPolicies {
    private static final String BASE = "/api/v1/static-policies";
    private static final TypeReference<List<StaticPolicyResource>> LIST = new TypeReference<>() {};

    private final ResourceCalls<StaticPolicyResource> calls;

    StaticPolicies(Transport transport, Codec codec) {
        this.calls = new ResourceCalls<>(
                transport, codec, BASE, "policy id", StaticPolicyResource.class, StaticPolicyShapes::single);
    }

    /** One page of the static policies visible to the tenant: the system tier and its own. */
    public StaticPolicyListResponse list(StaticPolicyQuery query) {
        return Futures.await(listAsync(query));
    }

    /** Async {@link #list(StaticPolicyQuery)}. */
    public CompletableFuture<StaticPolicyListResponse> listAsync(StaticPolicyQuery query) {
        Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
        parameters.put("category", query.category());
        parameters.put("tier", query.tier());
        parameters.put("severity", query.severity());
        parameters.put("mode", query.mode());
        parameters.put("enabled", query.enabled());
        parameters.put("search", query.search());
        parameters.put("page", query.page());
        parameters.put("page_size", query.pageSize());
        return calls.list(parameters, StaticPolicyListResponse.class, StaticPolicyShapes::page);
    }

    /** The policy with this UUID or readable id. */
    public StaticPolicyResource get(String id) {
        return Futures.await(getAsync(id));
    }

    /** Async {@link #get(String)}. */
    public CompletableFuture<StaticPolicyResource> getAsync(String id) {
        return calls.get(id);
    }

    /** Creates a tenant-tier policy (201). */
    public StaticPolicyResource create(StaticPolicyRequest request) {
        return Futures.await(createAsync(request));
    }

    /** Async {@link #create(StaticPolicyRequest)}. */
    public CompletableFuture<StaticPolicyResource> createAsync(StaticPolicyRequest request) {
        return calls.create(request);
    }

    /** Updates a policy: members set in the request replace the current ones. */
    public StaticPolicyResource update(String id, StaticPolicyRequest request) {
        return Futures.await(updateAsync(id, request));
    }

    /** Async {@link #update(String, StaticPolicyRequest)}. */
    public CompletableFuture<StaticPolicyResource> updateAsync(String id, StaticPolicyRequest request) {
        return calls.update(id, request);
    }

    /** Turns a policy on or off ({@code PATCH {"enabled": ...}}); system policies answer 403. */
    public StaticPolicyResource setEnabled(String id, boolean enabled) {
        return Futures.await(setEnabledAsync(id, enabled));
    }

    /** Async {@link #setEnabled(String, boolean)}. */
    public CompletableFuture<StaticPolicyResource> setEnabledAsync(String id, boolean enabled) {
        return calls.send(HttpCall.patch(calls.path(id), calls.body(new StaticPolicyToggleRequest(enabled))));
    }

    /** Deletes a policy (204); a rollback restores it. */
    public void delete(String id) {
        Futures.await(deleteAsync(id));
    }

    /** Async {@link #delete(String)}. */
    public CompletableFuture<Void> deleteAsync(String id) {
        return calls.delete(id);
    }

    /** The static policies in force for the tenant (enabled system policies and its own), highest priority first. */
    public List<StaticPolicyResource> effective() {
        return Futures.await(effectiveAsync());
    }

    /** Async {@link #effective()}. */
    public CompletableFuture<List<StaticPolicyResource>> effectiveAsync() {
        return calls.send(HttpCall.get(BASE + "/effective"), LIST, StaticPolicyShapes::effective);
    }

    /**
     * Tests a pattern against sample inputs without storing anything. An invalid pattern is an answer, not an
     * error: {@code valid} is false and {@code error} holds the compiler's message.
     */
    public PatternTestResponse testPattern(String pattern, List<String> inputs) {
        return Futures.await(testPatternAsync(pattern, inputs));
    }

    /** Async {@link #testPattern(String, List)}. */
    public CompletableFuture<PatternTestResponse> testPatternAsync(String pattern, List<String> inputs) {
        Objects.requireNonNull(pattern, "pattern");
        List<String> sent = List.copyOf(inputs);
        HttpCall call = HttpCall.post(BASE + "/test", calls.body(new PatternTestRequest(pattern, sent, null)))
                .idempotent(true);
        return calls.send(call, PatternTestResponse.class, node -> StaticPolicyShapes.patternTest(node, pattern, sent));
    }

    /** Every version of a tenant policy, newest first (system policies have none). */
    public StaticPolicyVersionsResponse versions(String id) {
        return Futures.await(versionsAsync(id));
    }

    /** Async {@link #versions(String)}. */
    public CompletableFuture<StaticPolicyVersionsResponse> versionsAsync(String id) {
        return calls.send(
                HttpCall.get(calls.path(id) + "/versions"),
                StaticPolicyVersionsResponse.class,
                node -> StaticPolicyShapes.versions(node, id));
    }

    /** Restores {@code version} as a new version (undeleting a deleted policy); Arbiter's addition. */
    public StaticPolicyResource rollback(String id, int version, @Nullable String reason) {
        return Futures.await(rollbackAsync(id, version, reason));
    }

    /** Async {@link #rollback(String, int, String)}. */
    public CompletableFuture<StaticPolicyResource> rollbackAsync(String id, int version, @Nullable String reason) {
        return calls.send(
                HttpCall.post(calls.path(id) + "/rollback", calls.body(new RollbackRequest(version, reason))));
    }
}
