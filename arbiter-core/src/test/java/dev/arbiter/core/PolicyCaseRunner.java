package dev.arbiter.core;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs one {@link PolicyCase} and lists what differed from its expectation (empty when it passed). Free of JUnit so
 * that the CLI can reuse it.
 *
 * <p>Besides the expectation, every case checks the index: the decision of the whole set must name the same
 * matches as evaluating each policy on its own, where no index can prune anything.
 */
final class PolicyCaseRunner {
    /** The default probe: an SSN-like number or an e-mail address. Real detectors live in ContentScanner. */
    static final Predicate<CharSequence> TEST_PROBE =
            probe("\\b\\d{3}-\\d{2}-\\d{4}\\b|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private PolicyCaseRunner() {}

    static List<String> run(PolicyCase testCase) {
        List<String> failures = new ArrayList<>();
        PolicySet set;
        try {
            set = PolicySet.compile(parseAll(testCase.policies()));
        } catch (PolicyValidationException e) {
            checkError(testCase, e.errors(), failures);
            return failures;
        }
        if (testCase.wantError() != null) {
            failures.add("expected validation error at '" + testCase.wantError() + "' but the policies compiled");
            return failures;
        }
        PolicyContext context = context(testCase);
        Decision decision = set.evaluate(context);
        compare(testCase.want(), decision, failures);
        checkIndex(set, context, decision, failures);
        return failures;
    }

    static List<Policy> parseAll(List<Object> documents) {
        List<Policy> policies = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                policies.add(PolicyParser.parse(document(documents.get(i))));
            } catch (PolicyValidationException e) {
                for (FieldError error : e.errors()) {
                    errors.add(error.prefixed("policies[" + i + "]"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new PolicyValidationException(errors);
        }
        return policies;
    }

    static PolicyContext context(PolicyCase testCase) {
        PolicyContext.Builder builder = PolicyContext.builder();
        String probe = testCase.piiProbe();
        if (probe == null) {
            builder.piiProbe(TEST_PROBE);
        } else if (!probe.equals("off")) {
            builder.piiProbe(probe(probe));
        }
        return builder.putAll(testCase.context()).build();
    }

    private static void checkError(PolicyCase testCase, List<FieldError> errors, List<String> failures) {
        String want = testCase.wantError();
        if (want == null) {
            failures.add("unexpected validation errors: " + errors);
            return;
        }
        boolean found = errors.stream()
                .anyMatch(error -> fieldMatches(error.field(), want)
                        && (testCase.wantErrorMessage() == null
                                || error.message().contains(testCase.wantErrorMessage())));
        if (!found) {
            failures.add("expected a validation error at '" + want + "'"
                    + (testCase.wantErrorMessage() == null ? "" : " containing '" + testCase.wantErrorMessage() + "'")
                    + " but got " + errors);
        }
    }

    /** {@code policies[0].conditions[1].value} matches {@code conditions[1].value} and itself. */
    private static boolean fieldMatches(String field, String want) {
        return field.equals(want)
                || field.replaceFirst("^policies\\[\\d+]\\.", "").equals(want);
    }

    private static void compare(PolicyCase.Want want, Decision decision, List<String> failures) {
        expect("decision", want.decision(), decision.outcome().wireName(), failures);
        expect("matched", want.matched(), decision.policyIds(), failures);
        expect("shadow", want.shadow(), decision.shadowPolicyIds(), failures);
        expect(
                "errors",
                want.errors(),
                decision.errors().stream().map(EvaluationError::policyId).toList(),
                failures);
        if (want.reason() != null) {
            expect("reason", want.reason(), decision.reason(), failures);
        }
        if (want.evaluated() != null) {
            expect("evaluated", want.evaluated(), decision.policiesEvaluated(), failures);
        }
    }

    private static void checkIndex(PolicySet set, PolicyContext context, Decision decision, List<String> failures) {
        List<PolicyMatch> oneByOne = new ArrayList<>();
        for (Policy policy : set.policies()) {
            Decision alone = PolicySet.compile(List.of(policy)).evaluate(context);
            oneByOne.addAll(alone.matches());
            oneByOne.addAll(alone.shadowMatches());
        }
        List<PolicyMatch> together = new ArrayList<>(decision.matches());
        together.addAll(decision.shadowMatches());
        Comparator<PolicyMatch> byId = Comparator.comparing(PolicyMatch::policyId);
        oneByOne.sort(byId);
        together.sort(byId);
        expect("index check (set vs one-by-one)", oneByOne, together, failures);
    }

    private static void expect(String what, Object want, Object got, List<String> failures) {
        if (!want.equals(got)) {
            failures.add(what + ": want " + want + " but got " + got);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> document(Object raw) {
        return raw instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
    }

    private static Predicate<CharSequence> probe(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return text -> pattern.matcher(text).find();
    }
}
