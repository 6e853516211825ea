package dev.arbiter.core;

import java.util.List;
import java.util.Map;

/**
 * One conformance case, as read from a case file (format in {@code docs/policy-semantics.md}).
 *
 * @param source file and position, for failure messages
 * @param note what the case shows; the test name
 * @param policies policy documents, canonical or shorthand
 * @param context flat context entries ({@code step_input}/{@code tool_input} maps are expanded)
 * @param piiProbe {@code null} for the default test probe, {@code off} for none, or an RE2J pattern
 * @param want expected decision, or {@code null} when an error is expected
 * @param wantError expected path of a validation error, or {@code null}
 * @param wantErrorMessage expected substring of that error's message, or {@code null}
 */
record PolicyCase(
        String source,
        String note,
        List<Object> policies,
        Map<String, Object> context,
        String piiProbe,
        Want want,
        String wantError,
        String wantErrorMessage) {

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
    record Want(
            String decision,
            List<String> matched,
            List<String> shadow,
            List<String> errors,
            String reason,
            Integer evaluated) {}
}
