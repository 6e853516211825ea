package dev.arbiter.server.policy;

import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import dev.arbiter.server.Mode;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.ManagedPolicies;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.wire.policy.ImportPoliciesResponse;
import dev.arbiter.wire.policy.ImportResult;
import dev.arbiter.wire.policy.OverwriteMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST .../import} (contract §2.1): up to 100 policies matched to the tenant's by name, all validated
 * before anything is written and written in one transaction, so an import either happens whole or not at all.
 * With {@code overwrite}, a policy identical to the stored one is left alone (no new version), which makes
 * importing the same file twice a no-op: {@code arbiter policies apply} relies on it. Thread-safe.
 */
public final class PolicyImporter {
    /** Most policies one import may carry. */
    public static final int MAX_POLICIES = 100;

    private static final Set<String> MEMBERS = Set.of("policies", "overwrite_mode");

    private final Database database;
    private final Mode mode;

    /** An importer over {@code database}. */
    public PolicyImporter(Database database, Mode mode) {
        this.database = database;
        this.mode = mode;
    }

    /** Imports the policies of an import body. */
    public ImportPoliciesResponse importAll(Principal caller, String actor, Map<String, ?> body) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream()
                .filter(key -> !MEMBERS.contains(key))
                .forEach(key -> errors.add(new FieldError(key, "unknown field")));
        OverwriteMode overwrite = overwriteMode(body.get("overwrite_mode"), errors);
        List<Map<String, ?>> documents = documents(body.get("policies"), errors);
        List<Policy> policies = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            Policy policy = PolicyDocuments.read(documents.get(i), "imported-" + i, "policies[" + i + "]", errors);
            if (policy == null) {
                continue;
            }
            Integer first = names.putIfAbsent(policy.name(), i);
            if (first != null) {
                errors.add(new FieldError(
                        "policies[" + i + "].name", "duplicate name in this import (also policies[" + first + "])"));
            }
            policies.add(policy);
        }
        if (!errors.isEmpty()) {
            throw PolicyApiException.invalid(errors);
        }
        policies.forEach(policy -> DynamicPolicyService.checkTier(policy, mode));
        return database.inTransaction(tx -> {
            ManagedPolicies store = tx.managedPolicies(PolicyKind.DYNAMIC);
            store.lock(caller.tenant());
            List<Optional<ManagedPolicy>> existing = policies.stream()
                    .map(p -> store.findLiveByName(caller.tenant(), p.name()))
                    .toList();
            if (overwrite == OverwriteMode.ERROR) {
                List<String> taken = new ArrayList<>();
                for (int i = 0; i < policies.size(); i++) {
                    existing.get(i).ifPresent(p -> taken.add(p.stored().name()));
                }
                if (!taken.isEmpty()) {
                    throw new PolicyApiException(
                            PolicyApiException.Kind.CONFLICT,
                            "Policies already exist: " + String.join(", ", taken) + "; nothing was imported");
                }
            }
            List<ImportResult> results = new ArrayList<>();
            for (int i = 0; i < policies.size(); i++) {
                results.add(write(caller, actor, store, tx, policies.get(i), existing.get(i), overwrite));
            }
            return response(results);
        });
    }

    private static ImportResult write(
            Principal caller,
            String actor,
            ManagedPolicies store,
            dev.arbiter.store.Tx tx,
            Policy policy,
            Optional<ManagedPolicy> existing,
            OverwriteMode overwrite) {
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            ManagedPolicy created = store.insert(
                    caller.tenant(),
                    id,
                    DynamicPolicyService.definition(policy.withId(id.toString())),
                    new ManagedPolicies.Change("created", actor, "imported"));
            tx.audit().append(PolicyAudit.change(caller, "dynamic", created, "created", "imported", actor));
            return new ImportResult(policy.name(), id.toString(), "created", List.of());
        }
        ManagedPolicy current = existing.get();
        String id = current.stored().id().toString();
        if (overwrite == OverwriteMode.SKIP) {
            return new ImportResult(policy.name(), id, "skipped", List.of());
        }
        Policy old = PolicyDocuments.fromStored(current.stored().definitionJson())
                .withEnabled(current.stored().enabled());
        Policy next = policy.withId(id);
        List<String> changes = PolicyDiff.of(old, next);
        if (changes.isEmpty()) {
            return new ImportResult(policy.name(), id, "unchanged", List.of());
        }
        String summary = "imported: " + PolicyDiff.summary(changes);
        ManagedPolicy updated = store.update(
                current, DynamicPolicyService.definition(next), new ManagedPolicies.Change("updated", actor, summary));
        tx.audit().append(PolicyAudit.change(caller, "dynamic", updated, "updated", summary, actor));
        return new ImportResult(policy.name(), id, "updated", changes);
    }

    private static ImportPoliciesResponse response(List<ImportResult> results) {
        int created = count(results, "created");
        int updated = count(results, "updated");
        int skipped = count(results, "skipped");
        int unchanged = count(results, "unchanged");
        return new ImportPoliciesResponse(created, updated, skipped, null, unchanged, results);
    }

    private static int count(List<ImportResult> results, String result) {
        return (int) results.stream().filter(r -> r.result().equals(result)).count();
    }

    private static OverwriteMode overwriteMode(Object raw, List<FieldError> errors) {
        if (raw == null) {
            return OverwriteMode.SKIP;
        }
        Optional<OverwriteMode> mode = raw instanceof String text ? OverwriteMode.fromWireName(text) : Optional.empty();
        if (mode.isEmpty()) {
            errors.add(new FieldError("overwrite_mode", "must be one of skip, overwrite, error"));
            return OverwriteMode.SKIP;
        }
        return mode.get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, ?>> documents(Object raw, List<FieldError> errors) {
        if (!(raw instanceof List<?> list)) {
            errors.add(new FieldError("policies", "must be a list of policies"));
            return List.of();
        }
        if (list.isEmpty()) {
            throw new PolicyApiException(PolicyApiException.Kind.VALIDATION, "At least one policy is required");
        }
        if (list.size() > MAX_POLICIES) {
            throw new PolicyApiException(
                    PolicyApiException.Kind.VALIDATION, "Maximum " + MAX_POLICIES + " policies per import");
        }
        List<Map<String, ?>> documents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                documents.add((Map<String, ?>) map);
            } else {
                errors.add(new FieldError("policies[" + i + "]", "must be a policy object"));
            }
        }
        return documents;
    }
}
