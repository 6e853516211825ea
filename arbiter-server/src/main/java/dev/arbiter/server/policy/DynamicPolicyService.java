package dev.arbiter.server.policy;

import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import dev.arbiter.server.Mode;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.store.PolicyVersion;
import dev.arbiter.store.Tx;
import dev.arbiter.wire.policy.PolicyResource;
import dev.arbiter.wire.policy.RollbackRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a tenant's dynamic policies: create, update, delete, rollback. Each runs in one transaction that
 * locks the tenant's policies, validates, writes the policy and its new version, appends the audit record and
 * raises the policy-set version; anything invalid is refused before a row is written. Thread-safe.
 */
public final class DynamicPolicyService {
    static final String NOT_FOUND = "Dynamic policy not found";

    private final Database database;
    private final Mode mode;

    /** A service over {@code database}; {@code mode} decides whether the organization tier is allowed. */
    public DynamicPolicyService(Database database, Mode mode) {
        this.database = database;
        this.mode = mode;
    }

    /** Creates a policy from a canonical or shorthand document (201). */
    public PolicyResource create(Principal caller, String actor, Map<String, ?> body) {
        UUID id = UUID.randomUUID();
        Policy policy = PolicyDocuments.parse(body, id.toString());
        checkTier(policy, mode);
        return database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ensureNameFree(store, caller.tenant(), policy.name(), null);
            ManagedPolicy created = store.insert(
                    caller.tenant(), id, definition(policy), new ManagedPolicies.Change("created", actor, "created"));
            tx.audit().append(PolicyAudit.change(caller, "dynamic", created, "created", "created", actor));
            return PolicyResources.of(created);
        });
    }

    /**
     * Applies the members of {@code body} to the policy (a PUT that leaves absent members as they are). An
     * update that changes nothing writes no version.
     */
    public PolicyResource update(Principal caller, String actor, String id, Map<String, ?> body) {
        UUID uuid = PolicyIds.parse(id);
        Object bodyId = body.get("id");
        if (bodyId != null && !Objects.equals(bodyId, id)) {
            throw PolicyApiException.invalid(List.of(new FieldError("id", "does not match the policy in the path")));
        }
        return database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ManagedPolicy current = live(store, caller, uuid);
            Policy old = PolicyDocuments.fromStored(current.stored().definitionJson())
                    .withEnabled(current.stored().enabled());
            Policy next = PolicyDocuments.parse(PolicyDocuments.merge(old, body), id);
            checkTier(next, mode);
            ensureNameFree(store, caller.tenant(), next.name(), uuid);
            List<String> changes = PolicyDiff.of(old, next);
            if (changes.isEmpty()) {
                return PolicyResources.of(current);
            }
            String summary = PolicyDiff.summary(changes);
            ManagedPolicy updated =
                    store.update(current, definition(next), new ManagedPolicies.Change("updated", actor, summary));
            tx.audit().append(PolicyAudit.change(caller, "dynamic", updated, "updated", summary, actor));
            return PolicyResources.of(updated);
        });
    }

    /** Deletes the policy (204); it keeps its history and can be restored by a rollback. */
    public void delete(Principal caller, String actor, String id) {
        UUID uuid = PolicyIds.parse(id);
        database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ManagedPolicy deleted =
                    store.delete(live(store, caller, uuid), new ManagedPolicies.Change("deleted", actor, "deleted"));
            tx.audit().append(PolicyAudit.change(caller, "dynamic", deleted, "deleted", "deleted", actor));
            return null;
        });
    }

    /** Restores the policy as it was at {@code request.version()}, as a new version (also undeletes it). */
    public PolicyResource rollback(Principal caller, String actor, String id, RollbackRequest request) {
        UUID uuid = PolicyIds.parse(id);
        return database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ManagedPolicy current =
                    store.find(caller.tenant(), uuid).orElseThrow(() -> PolicyApiException.notFound(NOT_FOUND));
            PolicyVersion target = store.version(caller.tenant(), uuid, request.version())
                    .orElseThrow(() ->
                            PolicyApiException.notFound("Version " + request.version() + " of this policy not found"));
            Policy restored = PolicyDocuments.fromStored(target.snapshotJson()).withId(id);
            ensureNameFree(store, caller.tenant(), restored.name(), uuid);
            String summary = "Rolled back to version " + request.version()
                    + (request.reason() == null || request.reason().isBlank() ? "" : ": " + request.reason());
            ManagedPolicy updated =
                    store.update(current, definition(restored), new ManagedPolicies.Change("rollback", actor, summary));
            tx.audit().append(PolicyAudit.change(caller, "dynamic", updated, "rollback", summary, actor));
            return PolicyResources.of(updated);
        });
    }

    /** The row's columns for {@code policy}, with its canonical JSON. */
    static ManagedPolicies.Definition definition(Policy policy) {
        return new ManagedPolicies.Definition(
                policy.name(),
                PolicyDocuments.json(policy),
                policy.enabled(),
                policy.priority(),
                policy.mode().wireName());
    }

    /** The system tier is never written through the API; the organization tier needs enterprise mode. */
    static void checkTier(Policy policy, Mode mode) {
        if (policy.tier().equals("system")) {
            throw new PolicyApiException(
                    PolicyApiException.Kind.FORBIDDEN, "Cannot create system-tier policies via API");
        }
        if (policy.tier().equals("organization") && mode != Mode.ENTERPRISE) {
            throw new PolicyApiException(
                    PolicyApiException.Kind.FORBIDDEN, "Organization tier requires Enterprise license");
        }
    }

    static void ensureNameFree(ManagedPolicies store, String tenant, String name, @Nullable UUID self) {
        store.findLiveByName(tenant, name)
                .filter(other -> !other.stored().id().equals(self))
                .ifPresent(other -> {
                    throw new PolicyApiException(
                            PolicyApiException.Kind.CONFLICT,
                            "A policy named '" + name + "' already exists (id "
                                    + other.stored().id() + ")");
                });
    }

    private static ManagedPolicies locked(Tx tx, Principal caller) {
        ManagedPolicies store = tx.managedPolicies(PolicyKind.DYNAMIC);
        store.lock(caller.tenant());
        return store;
    }

    private static ManagedPolicy live(ManagedPolicies store, Principal caller, UUID id) {
        return store.find(caller.tenant(), id)
                .filter(p -> !p.isDeleted())
                .orElseThrow(() -> PolicyApiException.notFound(NOT_FOUND));
    }
}
