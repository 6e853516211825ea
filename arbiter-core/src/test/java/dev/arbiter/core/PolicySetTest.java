package dev.arbiter.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PolicySetTest {

    @Test
    void index_visitsOnlyPoliciesThatCanMatch_among10000() {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            policies.add(policy("tool-" + i, Map.of("step_type", "tool_call", "tool_name", "tool-" + i), "block"));
        }
        policies.add(policy("regex", Map.of("tool_input.query", Map.of("regex", "(?i)drop")), "warn"));
        PolicySet set = PolicySet.compile(policies);

        PolicyContext hit = PolicyContext.of(Map.of("step_type", "tool_call", "tool_name", "tool-4242"));
        PolicyContext miss = PolicyContext.of(Map.of("step_type", "tool_call", "tool_name", "other"));

        assertThat(set.candidateCount(hit)).isEqualTo(2);
        assertThat(set.candidateCount(miss)).isEqualTo(1);
        assertThat(set.evaluate(hit).policyIds()).containsExactly("tool-4242");
        assertThat(set.evaluate(hit).policiesEvaluated()).isEqualTo(10_001);
        assertThat(set.evaluate(miss).outcome()).isEqualTo(Outcome.ALLOW);
    }

    @Test
    void index_prefersTheRarerCondition() {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            policies.add(policy("m" + i, Map.of("step_type", "llm_call", "model", "model-" + i), "block"));
        }
        PolicySet set = PolicySet.compile(policies);

        assertThat(set.candidateCount(PolicyContext.of(Map.of("step_type", "llm_call", "model", "model-7"))))
                .isEqualTo(1);
    }

    @Test
    void evaluate_withNoMatch_returnsTheSharedDecision() {
        PolicySet set = PolicySet.compile(List.of(policy("p", Map.of("model", "gpt-4"), "block")));

        Decision first = set.evaluate(PolicyContext.of(Map.of("model", "a")));
        Decision second = set.evaluate(PolicyContext.of(Map.of("model", "b")));

        assertThat(first).isSameAs(second);
        assertThat(first.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(first.reason()).isEqualTo(Decision.NO_MATCH_REASON);
    }

    @Test
    void policies_areSortedAndIncludeDisabledOnes() {
        PolicySet set = PolicySet.compile(List.of(
                policy("b", Map.of("x", "1"), "log"),
                policy("a", Map.of("x", "1"), "log").withEnabled(false),
                PolicyParser.parse(Map.of(
                        "id", "c", "name", "c", "priority", 9, "conditions", Map.of("x", "1"), "action", "log"))));

        assertThat(set.size()).isEqualTo(3);
        assertThat(set.policies()).extracting(Policy::id).containsExactly("c", "a", "b");
        assertThat(set.evaluate(PolicyContext.of(Map.of("x", "1"))).policyIds()).containsExactly("c", "b");
    }

    @Test
    void compile_validatesPoliciesBuiltInCode() {
        Policy bad = new Policy(
                "bad",
                "bad",
                "",
                "content",
                "dynamic-security",
                "tenant",
                List.of(new Condition("q", "regex", "(oops"), new Condition("q", "like", "x")),
                List.of(PolicyAction.of("explode")),
                0,
                true,
                List.of(),
                "model ==",
                PolicyMode.ENFORCE);

        assertThatThrownBy(() -> PolicySet.compile(List.of(policy("ok", Map.of("a", "b"), "log"), bad)))
                .isInstanceOfSatisfying(
                        PolicyValidationException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(
                                        "policies[1].conditions[0].value",
                                        "policies[1].conditions[1].operator",
                                        "policies[1].expression",
                                        "policies[1].actions[0].type"));
    }

    @Test
    void decision_shadowOutcome_includesShadowMatches() {
        PolicySet set = PolicySet.compile(List.of(
                policy("log", Map.of("x", "1"), "log"),
                PolicyParser.parse(Map.of(
                        "id",
                        "shadow",
                        "name",
                        "s",
                        "mode",
                        "shadow",
                        "conditions",
                        Map.of("x", "1"),
                        "action",
                        "block"))));

        Decision decision = set.evaluate(PolicyContext.of(Map.of("x", "1")));

        assertThat(decision.outcome()).isEqualTo(Outcome.LOG);
        assertThat(decision.shadowOutcome()).isEqualTo(Outcome.BLOCK);
        assertThat(decision.shadowPolicyIds()).containsExactly("shadow");
        assertThat(decision.matched()).isTrue();
    }

    @Test
    void evaluate_oddContextValues_neverThrow() {
        PolicySet set = PolicySet.compile(List.of(
                policy("gt", Map.of("v", Map.of("greater_than", 1)), "block"),
                policy("rx", Map.of("v", Map.of("regex", "^x")), "block"),
                policy("in", Map.of("v", List.of("a", 1)), "block"),
                PolicyParser.parse(Map.of("id", "cel", "name", "cel", "expression", "ctx.v == 'x'", "action", "log"))));

        for (Object odd :
                List.of(Double.NaN, Double.NEGATIVE_INFINITY, new Object(), List.of(List.of()), "", Long.MAX_VALUE)) {
            Decision decision =
                    set.evaluate(PolicyContext.builder().put("v", odd).build());
            assertThat(decision.outcome()).isIn(Outcome.ALLOW, Outcome.BLOCK);
        }
    }

    @Test
    void evaluate_fromManyThreads_givesTheSameDecisions() throws Exception {
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            policies.add(policy("tool-" + i, Map.of("tool_name", "tool-" + i), i % 3 == 0 ? "block" : "warn"));
        }
        policies.add(policy("drop", Map.of("tool_input.query", Map.of("contains", "drop")), "require_approval"));
        policies.add(PolicyParser.parse(
                Map.of("id", "cel", "name", "cel", "expression", "tool_input.size > 10", "action", "log")));
        policies.add(PolicyParser.parse(Map.of(
                "id",
                "shadow",
                "name",
                "s",
                "mode",
                "shadow",
                "conditions",
                Map.of("tool_name", Map.of("regex", "7$")),
                "action",
                "block")));
        PolicySet set = PolicySet.compile(policies);
        List<PolicyContext> contexts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> input = i % 4 == 0 ? Map.of("query", "drop it") : Map.of("size", i);
            contexts.add(PolicyContext.builder()
                    .toolContext("tool-" + i, "function", input)
                    .build());
        }
        List<Decision> expected = contexts.stream().map(set::evaluate).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    int mismatches = 0;
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < contexts.size(); i++) {
                            int k = (i + offset * 37 + round) % contexts.size();
                            if (!set.evaluate(contexts.get(k)).equals(expected.get(k))) {
                                mismatches++;
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).anySatisfy(d -> assertThat(d.errors()).isNotEmpty());
        assertThat(expected).anySatisfy(d -> assertThat(d.shadowMatches()).isNotEmpty());
        assertThat(expected).anySatisfy(d -> assertThat(d.outcome()).isEqualTo(Outcome.REQUIRE_APPROVAL));
    }

    @Test
    void empty_allowsEverything() {
        Decision decision = PolicySet.empty().evaluate(PolicyContext.empty());

        assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
        assertThat(decision.policiesEvaluated()).isZero();
        assertThat(PolicySet.empty().size()).isZero();
    }

    private static Policy policy(String id, Map<String, Object> conditions, String action) {
        return PolicyParser.parse(Map.of("id", id, "name", id, "conditions", conditions, "action", action));
    }
}
