package dev.arbiter.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which policies can possibly match a context, found by hashing instead of by evaluating every policy.
 *
 * <p>Each policy is filed under at most one of its indexable conditions ({@code equals} or {@code in} on
 * non-numeric operands): the one whose keys the fewest other policies share, so that a common condition such as
 * {@code step_type == llm_call} does not make a big bucket when a rarer one ({@code model == gpt-4}) is available.
 * Policies with no indexable condition are always candidates. At evaluation, each indexed field is resolved once
 * and its text looked up. Filing is only a filter: every candidate is still evaluated in full, so the index can
 * never make a policy match that would not match without it. Immutable and thread-safe.
 */
final class PolicyIndex {
    private final IndexedField[] fields;
    private final CompiledPolicy[] unindexed;

    private PolicyIndex(IndexedField[] fields, CompiledPolicy[] unindexed) {
        this.fields = fields;
        this.unindexed = unindexed;
    }

    static PolicyIndex build(List<CompiledPolicy> policies) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (CompiledPolicy policy : policies) {
            for (CompiledCondition condition : policy.conditions()) {
                if (condition.indexable()) {
                    Map<String, Integer> byKey =
                            counts.computeIfAbsent(condition.field().name(), f -> new HashMap<>());
                    condition.indexKeys().forEach(key -> byKey.merge(key, 1, Integer::sum));
                }
            }
        }
        Map<String, FieldBuckets> byField = new LinkedHashMap<>();
        List<CompiledPolicy> unindexed = new ArrayList<>();
        for (CompiledPolicy policy : policies) {
            CompiledCondition chosen = mostSelective(policy, counts);
            if (chosen == null) {
                unindexed.add(policy);
                continue;
            }
            FieldBuckets buckets =
                    byField.computeIfAbsent(chosen.field().name(), f -> new FieldBuckets(chosen.field()));
            chosen.indexKeys()
                    .forEach(key -> buckets.keys
                            .computeIfAbsent(key, k -> new ArrayList<>())
                            .add(policy));
        }
        IndexedField[] fields =
                byField.values().stream().map(FieldBuckets::freeze).toArray(IndexedField[]::new);
        return new PolicyIndex(fields, unindexed.toArray(CompiledPolicy[]::new));
    }

    /** Resolves every indexed field of {@code context} and offers each candidate policy to {@code visitor}. */
    <S> S visitCandidates(PolicyContext context, S state, Visitor<S> visitor) {
        S current = state;
        for (IndexedField field : fields) {
            Object value = context.resolve(field.ref);
            if (value == null) {
                continue;
            }
            CompiledPolicy[] bucket = field.buckets.get(Scalars.stringify(value));
            if (bucket != null) {
                current = visitor.visit(bucket, context, current);
            }
        }
        return unindexed.length == 0 ? current : visitor.visit(unindexed, context, current);
    }

    /** How many policies a context would cause to be evaluated; for tests of the index's selectivity. */
    int candidateCount(PolicyContext context) {
        int[] count = {0};
        visitCandidates(context, count, (policies, ctx, c) -> {
            c[0] += policies.length;
            return c;
        });
        return count[0];
    }

    /** Evaluates one bucket of candidates, threading a caller's state through without allocating. */
    @FunctionalInterface
    interface Visitor<S> {
        S visit(CompiledPolicy[] candidates, PolicyContext context, S state);
    }

    private static CompiledCondition mostSelective(CompiledPolicy policy, Map<String, Map<String, Integer>> counts) {
        CompiledCondition best = null;
        long bestCost = Long.MAX_VALUE;
        for (CompiledCondition condition : policy.conditions()) {
            if (!condition.indexable()) {
                continue;
            }
            Map<String, Integer> byKey = counts.get(condition.field().name());
            long cost = 0;
            for (String key : condition.indexKeys()) {
                cost += byKey.get(key);
            }
            if (cost < bestCost) {
                best = condition;
                bestCost = cost;
            }
        }
        return best;
    }

    private record IndexedField(FieldRef ref, Map<String, CompiledPolicy[]> buckets) {}

    private static final class FieldBuckets {
        private final FieldRef ref;
        private final Map<String, List<CompiledPolicy>> keys = new HashMap<>();

        FieldBuckets(FieldRef ref) {
            this.ref = ref;
        }

        IndexedField freeze() {
            Map<String, CompiledPolicy[]> frozen = new HashMap<>(keys.size() * 2);
            keys.forEach((key, policies) -> frozen.put(key, policies.toArray(CompiledPolicy[]::new)));
            return new IndexedField(ref, frozen);
        }
    }
}
