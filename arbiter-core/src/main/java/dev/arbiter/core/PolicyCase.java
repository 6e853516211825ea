package dev.arbiter.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One policy unit test: policies, a context, and the decision (or validation error) they must produce. This is the
 * case format of the core conformance suite and of {@code arbiter policies test} (format in
 * {@code docs/policy-semantics.md} §7).
 *
 * <p>Core reads no YAML or JSON: {@link #fromTree} takes the generic tree a parser produced. Immutable and
 * thread-safe.
 *
 * @param source file and position, for failure messages
 * @param note what the case shows; the test name
 * @param policies policy documents, canonical or shorthand
 * @param context flat context entries ({@code step_input}/{@code tool_input} maps are expanded)
 * @param piiProbe {@code null} for the real detectors (ContentScanner), {@code off} for none, or an RE2J pattern
 * @param want expected decision, or {@code null} when an error is expected
 * @param wantError expected path of a validation error, or {@code null}
 * @param wantErrorMessage expected substring of that error's message, or {@code null}
 */
public record PolicyCase(
        String source,
        String note,
        List<Object> policies,
        Map<String, Object> context,
        String piiProbe,
        Want want,
        String wantError,
        String wantErrorMessage) {

    public PolicyCase {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        // Not List.copyOf/Map.copyOf: a null entry is bad input the runner reports, not a constructor failure.
        policies = java.util.Collections.unmodifiableList(new ArrayList<>(policies));
        context = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(context));
    }

    /**
     * The expected decision.
     *
     * @param decision wire name of the outcome
     * @param matched ids of the enforced matches, in listing order
     * @param shadow ids of the shadow matches, in listing order
     * @param errors ids of policies with evaluation errors
     * @param reason expected {@link Decision#reason()}, or {@code null} to skip
     * @param evaluated expected {@link Decision#policiesEvaluated()}, or {@code null} to skip
     */
    public record Want(
            String decision,
            List<String> matched,
            List<String> shadow,
            List<String> errors,
            String reason,
            Integer evaluated) {}

    /**
     * The cases of a case document: a list of cases, a single case, or an object with a {@code cases} list.
     *
     * @param source names the document in failure messages (e.g. the file name)
     * @throws IllegalArgumentException naming the case and the member when the document is malformed
     */
    public static List<PolicyCase> fromTree(Object tree, String source) {
        return fromTree(tree, source, List.of());
    }

    /**
     * As {@link #fromTree(Object, String)}, but a case without {@code policies} tests {@code defaultPolicies}
     * (e.g. the policy file an operator is about to apply); with no defaults, {@code policies} is required.
     */
    public static List<PolicyCase> fromTree(Object tree, String source, List<?> defaultPolicies) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(defaultPolicies, "defaultPolicies");
        List<?> entries;
        if (tree instanceof Map<?, ?> map && map.get("cases") instanceof List<?> list) {
            entries = list;
        } else if (tree instanceof Map<?, ?> map) {
            entries = List.of(map);
        } else if (tree instanceof List<?> list) {
            entries = list;
        } else {
            throw new IllegalArgumentException(source + ": expected a list of cases");
        }
        List<PolicyCase> cases = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            cases.add(PolicyCaseReader.read(entries.get(i), source + "#" + i, defaultPolicies));
        }
        return cases;
    }

    /** Runs this case; returns what differed from its expectation, empty when it passed. Never throws for bad input. */
    public List<String> run() {
        try {
            return PolicyCaseRunner.run(this);
        } catch (RuntimeException e) {
            // A malformed context (a non-string key, a bad pii_probe pattern) is a failed case, not a crash.
            return List.of("case could not run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
