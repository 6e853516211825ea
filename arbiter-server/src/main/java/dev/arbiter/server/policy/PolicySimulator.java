package dev.arbiter.server.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.arbiter.core.Decision;
import dev.arbiter.core.FieldError;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicySet;
import dev.arbiter.core.PolicyValidationException;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.GateRecord;
import dev.arbiter.store.ManagedPolicy;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.store.Tx;
import dev.arbiter.wire.Json;
import dev.arbiter.wire.policy.SimulationReport;
import dev.arbiter.wire.workflow.GateDecision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What-if simulation ({@code POST /api/v1/policies/simulate}): re-evaluates the recorded inputs of past gates
 * against a candidate change to the tenant's dynamic policies and reports how many decisions change, from what
 * to what, and because of which policy. It reads gate records only: no step is re-run and nothing is written.
 *
 * <p>The candidate is the tenant's live policies with the request's documents applied (a document whose id or
 * name is a live policy replaces it, as {@code import} with {@code overwrite} would; any other is added) and its
 * removals left out, plus the global policies, unchanged. Thread-safe.
 */
public final class PolicySimulator {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {};
    /** Records read per query: memory stays bounded however long the window. */
    static final int PAGE = 500;

    private final Database database;
    private final PolicySets sets;
    private final Clock clock;
    private final int pageSize;

    /** A simulator over {@code database}; {@code clock} places the default window. */
    public PolicySimulator(Database database, PolicySets sets, Clock clock) {
        this(database, sets, clock, PAGE);
    }

    /** As the public constructor, reading {@code pageSize} records per query (tests use small pages). */
    PolicySimulator(Database database, PolicySets sets, Clock clock, int pageSize) {
        this.database = database;
        this.sets = sets;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Simulates the candidate of {@code body} (a {@code SimulateRequest}) for the caller's tenant. */
    public SimulationReport simulate(Principal caller, Map<String, ?> body) {
        SimulationRequest request = SimulationRequest.read(body, clock);
        return database.read(tx -> run(tx, caller.tenant(), request));
    }

    private SimulationReport run(Tx tx, String tenant, SimulationRequest request) {
        PolicySets.Snapshot current = sets.current(tx, tenant);
        Candidate candidate = candidate(tx, tenant, request, current);
        Map<String, String> names = new HashMap<>();
        current.set().policies().forEach(p -> names.put(p.id(), p.name()));
        candidate.set().policies().forEach(p -> names.put(p.id(), p.name()));
        SimulationTally tally = new SimulationTally(request.samples(), names, candidate.changes());
        boolean limited = false;
        GateRecord last = null;
        pages:
        while (true) {
            // One more than still wanted, so that a full window is told apart from a cut one.
            int want = Math.min(pageSize, request.limit() - tally.replayed() + 1);
            List<GateRecord> page = page(tx, tenant, request, last, want);
            for (GateRecord record : page) {
                last = record;
                if (!inWindow(record, request)) {
                    continue;
                }
                if (tally.replayed() == request.limit()) {
                    limited = true;
                    break pages;
                }
                replay(record, request, current, candidate, tally);
            }
            if (page.size() < want) {
                break;
            }
        }
        return new SimulationReport(
                request.from(),
                request.to(),
                request.workflowIds().isEmpty() ? null : request.workflowIds(),
                request.recordedBaseline() ? "recorded" : "current",
                tally.replayed(),
                limited,
                tally.decisionsChanged(),
                tally.matchesChanged(),
                tally.transitions(),
                tally.impacts(),
                tally.samples(),
                tally.contextsTruncated(),
                tally.truncatedKeys(),
                tally.evaluationErrors(),
                candidate.ids("added"),
                candidate.ids("changed"),
                candidate.ids("removed"));
    }

    private static void replay(
            GateRecord record,
            SimulationRequest request,
            PolicySets.Snapshot current,
            Candidate candidate,
            SimulationTally tally) {
        // Derived facts (contains_pii, workflow totals) are replayed as recorded, never recomputed.
        PolicyContext context = PolicyContext.builder()
                .withoutPiiProbe()
                .putAll(read(record.contextJson(), MAP))
                .build();
        Decision proposed = candidate.set().evaluate(context);
        GateDecision to = GateDecisions.of(proposed.outcome());
        SimulationTally.Gate gate;
        if (request.recordedBaseline()) {
            GateDecision from = GateDecision.fromWireName(record.decision()).orElse(GateDecision.ALLOW);
            gate = new SimulationTally.Gate(record, from, read(record.policyIdsJson(), IDS), null, to, proposed);
        } else {
            Decision base = current.set().evaluate(context);
            gate = new SimulationTally.Gate(
                    record, GateDecisions.of(base.outcome()), base.policyIds(), base, to, proposed);
        }
        List<String> truncated = record.truncatedKeysJson() == null ? List.of() : read(record.truncatedKeysJson(), IDS);
        tally.add(gate, truncated);
    }

    /** The candidate set and, per policy id, whether it is added, changed or removed. */
    private record Candidate(PolicySet set, Map<String, String> changes) {
        List<String> ids(String change) {
            return changes.entrySet().stream()
                    .filter(e -> e.getValue().equals(change))
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    private static Candidate candidate(Tx tx, String tenant, SimulationRequest request, PolicySets.Snapshot current) {
        Map<String, Policy> live = new LinkedHashMap<>();
        Map<String, String> idsByName = new HashMap<>();
        for (ManagedPolicy managed : tx.managedPolicies(PolicyKind.DYNAMIC).listLive(tenant)) {
            PolicySets.parse(managed.stored()).ifPresent(p -> {
                live.put(p.id(), p);
                idsByName.putIfAbsent(p.name(), p.id());
            });
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> changes = new LinkedHashMap<>();
        Map<String, Policy> next = new LinkedHashMap<>(live);
        for (int i = 0; i < request.policies().size(); i++) {
            Map<String, ?> document = request.policies().get(i);
            String existing = find(document.get("id"), live, idsByName)
                    .or(() -> find(document.get("name"), live, idsByName))
                    .orElse(null);
            String id = existing != null ? existing : "new:" + document.get("name");
            Policy policy = PolicyDocuments.read(document, id, "policies[" + i + "]", errors);
            if (policy != null) {
                next.put(id, policy);
                changes.put(id, existing != null ? "changed" : "added");
            }
        }
        for (int i = 0; i < request.remove().size(); i++) {
            String ref = request.remove().get(i);
            Optional<String> id = find(ref, live, idsByName);
            if (id.isEmpty()) {
                errors.add(new FieldError("remove[" + i + "]", "no live policy with id or name '" + ref + "'"));
            } else {
                next.remove(id.get());
                changes.put(id.get(), "removed");
            }
        }
        if (!errors.isEmpty()) {
            throw PolicyApiException.invalid(errors);
        }
        List<Policy> all = new ArrayList<>(next.values());
        all.addAll(current.globalPolicies());
        try {
            return new Candidate(PolicySet.compile(all), changes);
        } catch (PolicyValidationException e) {
            throw PolicyApiException.invalid(e.errors());
        }
    }

    private static Optional<String> find(Object ref, Map<String, Policy> live, Map<String, String> idsByName) {
        if (!(ref instanceof String text)) {
            return Optional.empty();
        }
        return live.containsKey(text) ? Optional.of(text) : Optional.ofNullable(idsByName.get(text));
    }

    private static List<GateRecord> page(
            Tx tx, String tenant, SimulationRequest request, @Nullable GateRecord after, int limit) {
        if (request.workflowIds().isEmpty()) {
            return tx.gateRecords().window(tenant, request.from(), request.to(), after, limit);
        }
        return tx.gateRecords().forWorkflows(tenant, request.workflowIds(), after, limit);
    }

    /** Workflow selections may narrow the window too; a plain window is applied by the query already. */
    private static boolean inWindow(GateRecord r, SimulationRequest request) {
        return (request.from() == null || !r.gatedAt().isBefore(request.from()))
                && (request.to() == null || r.gatedAt().isBefore(request.to()));
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded gate is unreadable", e);
        }
    }
}
