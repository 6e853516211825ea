package dev.arbiter.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A static policy: a regular expression (RE2 syntax, run by RE2J in linear time) with a category, a severity and
 * the action to take when it matches (wire contract §2.4).
 *
 * <p>When {@code validatedBy} names finding types, a match counts only where it overlaps a finding of one of them:
 * {@code sys_pii_credit_card} matches Luhn-valid card numbers only, {@code sys_pii_ssn} only numbers the SSA could
 * have issued. Content is checked by {@link StaticPolicySet#compile}, not here.
 *
 * @param id stable identifier, e.g. {@code sys_sqli_union_select}
 * @param name human-readable name
 * @param category e.g. {@code security-sqli}, {@code pii-us}
 * @param tier who owns the policy
 * @param pattern RE2 regular expression
 * @param severity how bad a match is
 * @param action what a match asks for
 * @param phase which side of an exchange it inspects
 * @param priority higher first when matches are listed
 * @param enabled disabled policies never match
 * @param description why the policy exists
 * @param validatedBy detectors that must confirm a match; empty for a pattern-only policy
 */
public record StaticPolicy(
        String id,
        String name,
        String category,
        Tier tier,
        String pattern,
        Severity severity,
        Outcome action,
        Phase phase,
        int priority,
        boolean enabled,
        String description,
        Set<FindingType> validatedBy) {

    /** Who owns a static policy. */
    public enum Tier {
        SYSTEM,
        ORGANIZATION,
        TENANT;

        /** The contract's spelling: {@code system}, {@code organization}, {@code tenant}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses the contract's spelling, case-insensitively; empty when the name is unknown. */
        public static Optional<Tier> fromWireName(String name) {
            return parse(Tier.class, name);
        }
    }

    /** How bad a match is. */
    public enum Severity {
        CRITICAL,
        HIGH,
        MEDIUM,
        LOW;

        /** The contract's spelling: {@code critical}, {@code high}, {@code medium}, {@code low}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses the contract's spelling, case-insensitively; empty when the name is unknown. */
        public static Optional<Severity> fromWireName(String name) {
            return parse(Severity.class, name);
        }
    }

    public StaticPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(description, "description");
        validatedBy = validatedBy.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(validatedBy));
    }

    /** A builder for a tenant policy with the given essentials; see {@link Builder} for the defaults. */
    public static Builder builder(String id, String pattern, Outcome action) {
        return new Builder(id, pattern, action);
    }

    /** This policy with another action (an override). */
    public StaticPolicy withAction(Outcome newAction) {
        return new StaticPolicy(
                id,
                name,
                category,
                tier,
                pattern,
                severity,
                newAction,
                phase,
                priority,
                enabled,
                description,
                validatedBy);
    }

    /** This policy switched on or off (an override). */
    public StaticPolicy withEnabled(boolean on) {
        return new StaticPolicy(
                id, name, category, tier, pattern, severity, action, phase, priority, on, description, validatedBy);
    }

    /**
     * Builds a {@link StaticPolicy}; each setter sets the component of the same name. Defaults: name = id, category
     * {@code custom}, tier {@code tenant}, severity {@code medium}, phase {@code both}, priority 50, enabled, empty
     * description, pattern-only. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final String pattern;
        private final Outcome action;
        private String name;
        private String category = "custom";
        private Tier tier = Tier.TENANT;
        private Severity severity = Severity.MEDIUM;
        private Phase phase = Phase.BOTH;
        private int priority = 50;
        private boolean enabled = true;
        private String description = "";
        private Set<FindingType> validatedBy = Set.of();

        private Builder(String id, String pattern, Outcome action) {
            this.id = Objects.requireNonNull(id, "id");
            this.pattern = Objects.requireNonNull(pattern, "pattern");
            this.action = Objects.requireNonNull(action, "action");
            this.name = id;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder category(String value) {
            this.category = value;
            return this;
        }

        public Builder tier(Tier value) {
            this.tier = value;
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        public Builder phase(Phase value) {
            this.phase = value;
            return this;
        }

        public Builder priority(int value) {
            this.priority = value;
            return this;
        }

        public Builder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder validatedBy(Set<FindingType> value) {
            this.validatedBy = value;
            return this;
        }

        /** The policy; its content is validated by {@link StaticPolicySet#compile}. */
        public StaticPolicy build() {
            return new StaticPolicy(
                    id,
                    name,
                    category,
                    tier,
                    pattern,
                    severity,
                    action,
                    phase,
                    priority,
                    enabled,
                    description,
                    validatedBy);
        }
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
