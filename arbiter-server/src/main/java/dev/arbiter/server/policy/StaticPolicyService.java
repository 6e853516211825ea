package dev.arbiter.server.policy;

import dev.arbiter.core.FieldError;
import dev.arbiter.core.StaticPolicySet;
import dev.arbiter.server.Mode;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.store.PolicyVersion;
import dev.arbiter.store.Tx;
import dev.arbiter.wire.policy.RollbackRequest;
import dev.arbiter.wire.policy.StaticPolicyResource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a tenant's static policies (contract §2.4): create, update, enable/disable, delete, rollback. The
 * system tier is read-only (403). Like dynamic policies, each change is one transaction under the tenant's
 * policy lock that writes a version and an audit record and raises the policy-set version. Thread-safe.
 */
public final class StaticPolicyService {
    private final Database database;
    private final Mode mode;

    /** A service over {@code database}; {@code mode} decides whether the organization tier is allowed. */
    public StaticPolicyService(Database database, Mode mode) {
        this.database = database;
        this.mode = mode;
    }

    /** Creates a tenant policy (201). */
    public StaticPolicyResource create(Principal caller, String actor, Map<String, ?> body) {
        StaticDefinition definition = StaticPolicyDocuments.parse(body);
        checkTier(definition, "Cannot create system-tier policies via API");
        UUID id = UUID.randomUUID();
        return database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ensureFree(store, caller.tenant(), definition, null);
            ManagedPolicy created = store.insert(
                    caller.tenant(), id, row(definition), new ManagedPolicies.Change("created", actor, "created"));
            tx.audit().append(PolicyAudit.change(caller, "static", created, "created", "created", actor));
            return StaticPolicyResources.of(created);
        });
    }

    /** Applies the members of {@code body} (a PUT that leaves absent members as they are). */
    public StaticPolicyResource update(Principal caller, String actor, String id, Map<String, ?> body) {
        return change(caller, actor, id, "System policies cannot be modified", current -> {
            StaticDefinition next = StaticPolicyDocuments.parse(StaticPolicyDocuments.merge(current, body));
            checkTier(next, "System policies cannot be modified");
            return next;
        });
    }

    /** Switches the policy on or off ({@code PATCH}). */
    public StaticPolicyResource toggle(Principal caller, String actor, String id, boolean enabled) {
        return change(
                caller,
                actor,
                id,
                "System policies cannot be disabled via API",
                current ->
                        StaticPolicyDocuments.parse(StaticPolicyDocuments.merge(current, Map.of("enabled", enabled))));
    }

    /** Deletes the policy (204); it keeps its history and a rollback restores it. */
    public void delete(Principal caller, String actor, String id) {
        refuseSystem(id, "System policies cannot be deleted");
        database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ManagedPolicy current = StaticPolicyQueries.find(store, caller.tenant(), id, false);
            ManagedPolicy deleted = store.delete(current, new ManagedPolicies.Change("deleted", actor, "deleted"));
            tx.audit().append(PolicyAudit.change(caller, "static", deleted, "deleted", "deleted", actor));
            return null;
        });
    }

    /** Restores the policy as it was at {@code request.version()}, as a new version. */
    public StaticPolicyResource rollback(Principal caller, String actor, String id, RollbackRequest request) {
        refuseSystem(id, "System policies cannot be modified");
        return database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ManagedPolicy current = StaticPolicyQueries.find(store, caller.tenant(), id, true);
            PolicyVersion target = store.version(
                            caller.tenant(), current.stored().id(), request.version())
                    .orElseThrow(() ->
                            PolicyApiException.notFound("Version " + request.version() + " of this policy not found"));
            StaticDefinition restored = StaticPolicyDocuments.fromStored(target.snapshotJson());
            ensureFree(store, caller.tenant(), restored, current.stored().id());
            String summary = "Rolled back to version " + request.version()
                    + (request.reason() == null || request.reason().isBlank() ? "" : ": " + request.reason());
            ManagedPolicy updated =
                    store.update(current, row(restored), new ManagedPolicies.Change("rollback", actor, summary));
            tx.audit().append(PolicyAudit.change(caller, "static", updated, "rollback", summary, actor));
            return StaticPolicyResources.of(updated);
        });
    }

    private StaticPolicyResource change(
            Principal caller,
            String actor,
            String id,
            String systemMessage,
            java.util.function.Function<StaticDefinition, StaticDefinition> edit) {
        refuseSystem(id, systemMessage);
        return database.inTransaction(tx -> {
            ManagedPolicies store = locked(tx, caller);
            ManagedPolicy current = StaticPolicyQueries.find(store, caller.tenant(), id, false);
            StaticDefinition old =
                    StaticPolicyDocuments.fromStored(current.stored().definitionJson());
            StaticDefinition next = edit.apply(old);
            ensureFree(store, caller.tenant(), next, current.stored().id());
            List<String> changes = PolicyDiff.of(old.canonical(), next.canonical());
            if (changes.isEmpty()) {
                return StaticPolicyResources.of(current);
            }
            String summary = PolicyDiff.summary(changes);
            ManagedPolicy updated =
                    store.update(current, row(next), new ManagedPolicies.Change("updated", actor, summary));
            tx.audit().append(PolicyAudit.change(caller, "static", updated, "updated", summary, actor));
            return StaticPolicyResources.of(updated);
        });
    }

    private void checkTier(StaticDefinition definition, String systemMessage) {
        switch (definition.policy().tier()) {
            case SYSTEM -> throw new PolicyApiException(PolicyApiException.Kind.FORBIDDEN, systemMessage);
            case ORGANIZATION -> {
                if (mode != Mode.ENTERPRISE) {
                    throw new PolicyApiException(
                            PolicyApiException.Kind.FORBIDDEN, "Organization tier requires Enterprise license");
                }
            }
            case TENANT -> {
                // Always allowed.
            }
        }
    }

    private static void refuseSystem(String id, String message) {
        if (StaticPolicySet.system().find(id).isPresent()) {
            throw new PolicyApiException(PolicyApiException.Kind.FORBIDDEN, message);
        }
    }

    /** Names and readable ids are unique among the tenant's live policies and never shadow a system id. */
    private static void ensureFree(
            ManagedPolicies store, String tenant, StaticDefinition definition, @Nullable UUID self) {
        String policyId = definition.policy().id();
        if (StaticPolicySet.system().find(policyId).isPresent()) {
            throw PolicyApiException.invalid(
                    List.of(new FieldError("name", "'" + policyId + "' is the id of a system policy")));
        }
        for (ManagedPolicy other : store.listLive(tenant)) {
            if (other.stored().id().equals(self)) {
                continue;
            }
            StaticDefinition d = StaticPolicyDocuments.fromStored(other.stored().definitionJson());
            if (d.policy().name().equals(definition.policy().name())
                    || d.policy().id().equals(policyId)) {
                throw new PolicyApiException(
                        PolicyApiException.Kind.CONFLICT,
                        "A static policy named '" + definition.policy().name() + "' already exists");
            }
        }
    }

    private static ManagedPolicies locked(Tx tx, Principal caller) {
        ManagedPolicies store = tx.managedPolicies(PolicyKind.STATIC);
        store.lock(caller.tenant());
        return store;
    }

    private static ManagedPolicies.Definition row(StaticDefinition d) {
        return new ManagedPolicies.Definition(
                d.policy().name(), d.json(), d.policy().enabled(), d.policy().priority(), d.mode());
    }
}
