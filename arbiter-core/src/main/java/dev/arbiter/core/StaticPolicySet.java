package dev.arbiter.core;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled, immutable set of static policies that checks texts.
 *
 * <pre>{@code
 * StaticCheck check = StaticPolicySet.system().check("1; DROP TABLE users", Phase.REQUEST);
 * check.outcome();   // BLOCK
 * check.matches();   // sys_sqli_stacked_drop, sys_sqli_drop_table
 * }</pre>
 *
 * <p>{@link #system()} holds the system tier shipped with Arbiter (the policy names of AxonFlow's migrations 031,
 * 035, 042 and 059, with Arbiter's own patterns and the post-036 actions). Each check runs every enabled policy of
 * the phase: a system pattern is skipped when its {@link Prefilter} rules a match out, and a policy bound to
 * detectors counts a match only where a detector confirms it. Thread-safe.
 */
public final class StaticPolicySet {
    private static final List<SystemPolicyFile.Entry> SYSTEM_ENTRIES = SystemPolicyFile.load();
    private static final Map<String, Prefilter> SYSTEM_PREFILTERS = prefilters(SYSTEM_ENTRIES);
    private static final StaticPolicySet SYSTEM =
            compile(SYSTEM_ENTRIES.stream().map(SystemPolicyFile.Entry::policy).toList());

    /** How far around a detector finding a bound policy's pattern may reach. */
    private static final int CONFIRM_MARGIN = 64;

    private final List<Compiled> policies;
    /** Confirms matches of policies bound to detectors; unused when no policy is bound. */
    private final ContentScanner validators;

    /** A policy with its compiled pattern and pre-filter. */
    private record Compiled(StaticPolicy policy, Pattern pattern, Prefilter prefilter) {}

    private StaticPolicySet(List<Compiled> policies) {
        this.policies = policies;
        Set<FindingType> bound = EnumSet.noneOf(FindingType.class);
        policies.forEach(c -> bound.addAll(c.policy().validatedBy()));
        this.validators = bound.isEmpty() ? ContentScanner.defaults() : ContentScanner.of(bound);
    }

    /** The system tier: SQL injection, admin access, PII, sensitive data and dangerous commands. */
    public static StaticPolicySet system() {
        return SYSTEM;
    }

    /**
     * Compiles {@code policies}, reporting every invalid one at once.
     *
     * @throws StaticPolicyValidationException naming each policy and field that is wrong (blank id, name,
     *     category or pattern, a pattern that is not valid RE2, a duplicate id)
     */
    public static StaticPolicySet compile(Collection<StaticPolicy> policies) {
        Objects.requireNonNull(policies, "policies");
        List<StaticPolicyValidationException.FieldError> errors = new ArrayList<>();
        List<Compiled> compiled = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (StaticPolicy policy : policies) {
            Objects.requireNonNull(policy, "policy");
            int before = errors.size();
            requireText(policy, "id", policy.id(), errors);
            requireText(policy, "name", policy.name(), errors);
            requireText(policy, "category", policy.category(), errors);
            if (!policy.id().isBlank() && !ids.add(policy.id())) {
                errors.add(new StaticPolicyValidationException.FieldError(policy.id(), "id", "duplicate id"));
            }
            Optional<Pattern> pattern = compilePattern(policy, errors);
            if (errors.size() == before && pattern.isPresent()) {
                Prefilter prefilter = SYSTEM_PREFILTERS.getOrDefault(policy.pattern(), Prefilter.NONE);
                compiled.add(new Compiled(policy, pattern.get(), prefilter));
            }
        }
        if (!errors.isEmpty()) {
            throw new StaticPolicyValidationException(errors);
        }
        compiled.sort(Comparator.comparingInt((Compiled c) -> c.policy().priority())
                .reversed()
                .thenComparing(c -> c.policy().id()));
        return new StaticPolicySet(List.copyOf(compiled));
    }

    /** This set plus {@code more}, compiled together (ids must stay unique). */
    public StaticPolicySet plus(Collection<StaticPolicy> more) {
        List<StaticPolicy> all = new ArrayList<>(policies());
        all.addAll(more);
        return compile(all);
    }

    /** The policies, highest priority first. */
    public List<StaticPolicy> policies() {
        return policies.stream().map(Compiled::policy).toList();
    }

    /** The policy with this id. */
    public Optional<StaticPolicy> find(String id) {
        return policies.stream()
                .map(Compiled::policy)
                .filter(p -> p.id().equals(id))
                .findFirst();
    }

    /** Checks {@code text} against every enabled policy whose phase covers {@code phase}. */
    public StaticCheck check(CharSequence text, Phase phase) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(phase, "phase");
        Prefilter.Subject subject = new Prefilter.Subject(text.toString());
        List<Finding> findings = null;
        List<StaticCheck.Match> matches = new ArrayList<>();
        Outcome outcome = Outcome.ALLOW;
        for (Compiled c : policies) {
            StaticPolicy policy = c.policy();
            if (!policy.enabled()
                    || !policy.phase().covers(phase)
                    || !c.prefilter().admits(subject)) {
                continue;
            }
            Optional<int[]> span;
            if (policy.validatedBy().isEmpty()) {
                span = firstMatch(c.pattern(), subject.text(), c.prefilter().windows(subject));
            } else {
                findings = findings != null ? findings : validators.scan(subject.text());
                span = firstConfirmedMatch(c, subject.text(), findings);
            }
            if (span.isPresent()) {
                matches.add(new StaticCheck.Match(
                        policy.id(),
                        policy.name(),
                        policy.category(),
                        policy.severity(),
                        policy.action(),
                        span.get()[0],
                        span.get()[1]));
                outcome = outcome.strongest(policy.action());
            }
        }
        return new StaticCheck(outcome, matches);
    }

    /** The first match within the windows (pairs of start and end, sorted, disjoint). */
    private static Optional<int[]> firstMatch(Pattern pattern, String s, List<int[]> windows) {
        for (int[] window : windows) {
            boolean whole = window[0] == 0 && window[1] == s.length();
            Matcher m = pattern.matcher(whole ? s : s.substring(window[0], window[1]));
            if (m.find()) {
                return Optional.of(new int[] {window[0] + m.start(), window[0] + m.end()});
            }
        }
        return Optional.empty();
    }

    /**
     * The first match that overlaps a finding of a bound type. The pattern runs only in a window around each such
     * finding: the detectors have already validated the content, the pattern only has to agree on its shape.
     */
    private static Optional<int[]> firstConfirmedMatch(Compiled c, String s, List<Finding> findings) {
        for (Finding f : findings) {
            if (!c.policy().validatedBy().contains(f.type())) {
                continue;
            }
            int from = Math.max(0, f.start() - CONFIRM_MARGIN);
            Matcher m = c.pattern().matcher(s.substring(from, Math.min(s.length(), f.end() + CONFIRM_MARGIN)));
            while (m.find()) {
                int start = from + m.start();
                int end = from + m.end();
                if (start < f.end() && f.start() < end) {
                    return Optional.of(new int[] {start, end});
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Pattern> compilePattern(
            StaticPolicy policy, List<StaticPolicyValidationException.FieldError> errors) {
        if (policy.pattern().isBlank()) {
            errors.add(new StaticPolicyValidationException.FieldError(policy.id(), "pattern", "must not be blank"));
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(policy.pattern()));
        } catch (PatternSyntaxException e) {
            errors.add(new StaticPolicyValidationException.FieldError(
                    policy.id(), "pattern", "invalid regex: " + e.getDescription()));
            return Optional.empty();
        }
    }

    private static void requireText(
            StaticPolicy policy, String field, String value, List<StaticPolicyValidationException.FieldError> errors) {
        if (value.isBlank()) {
            errors.add(new StaticPolicyValidationException.FieldError(policy.id(), field, "must not be blank"));
        }
    }

    /** The pre-filter of each system pattern, keyed by the pattern (a copy of a system policy keeps it). */
    private static Map<String, Prefilter> prefilters(List<SystemPolicyFile.Entry> entries) {
        Map<String, Prefilter> prefilters = new HashMap<>();
        entries.forEach(e -> prefilters.put(e.policy().pattern(), e.prefilter()));
        return Map.copyOf(prefilters);
    }
}
