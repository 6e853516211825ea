package dev.arbiter.server.policy;

import dev.arbiter.core.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A validated {@code POST /api/v1/policies/simulate} body (wire shape: {@code SimulateRequest}). Every problem
 * is reported with its path; unknown members are errors. Immutable.
 *
 * @param policies candidate policy documents
 * @param remove ids or names of policies the candidate leaves out
 * @param from window start, inclusive; {@code null} with workflow ids and no explicit bound
 * @param to window end, exclusive; {@code null} likewise
 * @param workflowIds replay only these workflows; empty for the window
 * @param recordedBaseline compare with the recorded decisions rather than the current policies
 * @param limit most records replayed
 * @param samples most samples per group
 */
record SimulationRequest(
        List<Map<String, ?>> policies,
        List<String> remove,
        @Nullable Instant from,
        @Nullable Instant to,
        List<String> workflowIds,
        boolean recordedBaseline,
        int limit,
        int samples) {
    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 100_000;
    static final int DEFAULT_SAMPLES = 5;
    static final int MAX_SAMPLES = 50;
    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private static final Set<String> MEMBERS =
            Set.of("policies", "remove", "from", "to", "workflow_ids", "baseline", "limit", "samples");

    /** Reads and checks a body; the window defaults to the hour before {@code clock}'s now. */
    @SuppressWarnings("unchecked")
    static SimulationRequest read(Map<String, ?> body, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        body.keySet().stream()
                .filter(key -> !MEMBERS.contains(key))
                .forEach(key -> errors.add(new FieldError(key, "unknown field")));
        List<Map<String, ?>> policies = new ArrayList<>();
        Object rawPolicies = body.get("policies");
        if (rawPolicies instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> map) {
                    policies.add((Map<String, ?>) map);
                } else {
                    errors.add(new FieldError("policies[" + i + "]", "must be a policy object"));
                }
            }
        } else if (rawPolicies != null) {
            errors.add(new FieldError("policies", "must be a list of policies"));
        }
        List<String> remove = strings(body.get("remove"), "remove", errors);
        List<String> workflows = strings(body.get("workflow_ids"), "workflow_ids", errors);
        Instant from = instant(body.get("from"), "from", errors);
        Instant to = instant(body.get("to"), "to", errors);
        Object baseline = body.get("baseline");
        if (baseline != null && !"current".equals(baseline) && !"recorded".equals(baseline)) {
            errors.add(new FieldError("baseline", "must be 'current' or 'recorded'"));
        }
        int limit = integer(body.get("limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        int samples = integer(body.get("samples"), "samples", DEFAULT_SAMPLES, 0, MAX_SAMPLES, errors);
        if (workflows.isEmpty()) {
            to = to == null ? clock.instant() : to;
            from = from == null ? to.minus(DEFAULT_WINDOW) : from;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("from", "must be before 'to'"));
        }
        if (!errors.isEmpty()) {
            throw PolicyApiException.invalid(errors);
        }
        return new SimulationRequest(
                policies, remove, from, to, workflows, "recorded".equals(baseline), limit, samples);
    }

    private static List<String> strings(@Nullable Object raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        errors.add(new FieldError(field, "must be a list of strings"));
        return List.of();
    }

    private static @Nullable Instant instant(@Nullable Object raw, String field, List<FieldError> errors) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                // Reported below.
            }
        }
        errors.add(new FieldError(field, "must be an RFC 3339 timestamp, e.g. 2026-02-07T10:00:00Z"));
        return null;
    }

    private static int integer(
            @Nullable Object raw, String field, int fallback, int min, int max, List<FieldError> errors) {
        if (raw == null) {
            return fallback;
        }
        if (raw instanceof Integer value && value >= min && value <= max) {
            return value;
        }
        errors.add(new FieldError(field, "must be an integer between " + min + " and " + max));
        return fallback;
    }
}
