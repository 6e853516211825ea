package dev.arbiter.server.policy;

import dev.arbiter.core.Condition;
import dev.arbiter.core.Decision;
import dev.arbiter.core.EvaluationError;
import dev.arbiter.core.Outcome;
import dev.arbiter.core.Policy;
import dev.arbiter.core.PolicyContext;
import dev.arbiter.core.PolicyMode;
import dev.arbiter.core.PolicySet;
import dev.arbiter.server.auth.Principal;
import dev.arbiter.store.Database;
import dev.arbiter.store.PolicyKind;
import dev.arbiter.wire.policy.TestPolicyRequest;
import dev.arbiter.wire.policy.TestPolicyResponse;
import dev.arbiter.wire.policy.TriggeredAction;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code POST .../{id}/test} (contract §2.5): evaluates one stored policy, enabled or not, on a request the
 * caller describes, and explains the result; for a policy that does not match, it names the first condition
 * that does not hold. A shadow policy is evaluated as if enforced, and {@code blocked} stays false. Nothing is
 * written. Thread-safe.
 */
public final class PolicyTester {
    private final Database database;
    private final Predicate<CharSequence> piiProbe;

    /** A tester over {@code database}, deriving {@code contains_pii} with {@code piiProbe} as gates do. */
    public PolicyTester(Database database, Predicate<CharSequence> piiProbe) {
        this.database = database;
        this.piiProbe = piiProbe;
    }

    /** Tests the policy {@code id} of the caller's tenant. */
    public TestPolicyResponse test(Principal caller, String id, TestPolicyRequest request) {
        UUID uuid = PolicyIds.parse(id);
        boolean noQuery = request.query() == null || request.query().isEmpty();
        boolean noContext = request.context() == null || request.context().isEmpty();
        if (noQuery && noContext) {
            throw new PolicyApiException(PolicyApiException.Kind.VALIDATION, "Query is required for testing");
        }
        Policy stored = database.read(tx -> tx.managedPolicies(PolicyKind.DYNAMIC)
                .find(caller.tenant(), uuid)
                .filter(p -> !p.isDeleted())
                .map(p -> PolicyDocuments.fromStored(p.stored().definitionJson()))
                .orElseThrow(() -> PolicyApiException.notFound(DynamicPolicyService.NOT_FOUND)));
        PolicyContext context = context(request);
        long started = System.nanoTime();
        Policy enforced = asEnforced(stored, stored.conditions(), stored.expression());
        Decision decision = PolicySet.compile(List.of(enforced)).evaluate(context);
        double elapsedMs = (System.nanoTime() - started) / 1_000_000.0;
        boolean matched = decision.matched();
        boolean shadow = stored.mode() == PolicyMode.SHADOW;
        Outcome outcome = decision.outcome();
        List<TriggeredAction> actions = matched
                ? stored.actions().stream()
                        .map(a -> new TriggeredAction(
                                a.type(), a.config(), a.reason().orElse(null)))
                        .toList()
                : List.of();
        return new TestPolicyResponse(
                matched,
                matched && outcome.isRestrictive() && !shadow,
                actions,
                explain(stored, decision, context, shadow),
                elapsedMs,
                outcome.wireName());
    }

    private PolicyContext context(TestPolicyRequest request) {
        PolicyContext.Builder builder = PolicyContext.builder().piiProbe(piiProbe);
        builder.put("query", request.query());
        builder.put("request_type", request.requestType());
        if (request.user() != null) {
            builder.put("user", request.user());
        }
        if (request.context() != null) {
            request.context().forEach(builder::put);
        }
        return builder.build();
    }

    private static String explain(Policy policy, Decision decision, PolicyContext context, boolean shadow) {
        String name = "Policy '" + policy.name() + "'";
        if (!decision.errors().isEmpty()) {
            EvaluationError error = decision.errors().getFirst();
            return name + " could not be evaluated: " + error.message();
        }
        if (decision.matched()) {
            String reason = decision.matches().getFirst().reason();
            return name + " matched: all " + policy.conditions().size() + " condition(s) hold"
                    + (policy.expression() == null ? "" : " and the expression is true") + "; outcome "
                    + decision.outcome().wireName() + " (" + reason + ")"
                    + (shadow ? "; the policy is in shadow mode, so gates only report it" : "");
        }
        for (Condition condition : policy.conditions()) {
            Policy single = asEnforced(policy, List.of(condition), null);
            if (!PolicySet.compile(List.of(single)).evaluate(context).matched()) {
                return name + " did not match: condition " + condition.field() + " " + condition.operator() + " "
                        + condition.value() + " does not hold"
                        + (context.value(condition.field()).isEmpty() ? " (the field is missing)" : "");
            }
        }
        return name + " did not match: its expression is false";
    }

    /** The policy enabled and enforced, with the given conditions and expression. */
    private static Policy asEnforced(Policy p, List<Condition> conditions, String expression) {
        return new Policy(
                p.id(),
                p.name(),
                p.description(),
                p.type(),
                p.category(),
                p.tier(),
                conditions,
                p.actions(),
                p.priority(),
                true,
                p.tags(),
                expression,
                PolicyMode.ENFORCE);
    }
}
