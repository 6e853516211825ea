package dev.arbiter.core;

import java.util.Locale;
import java.util.Optional;

/** The condition operators: AxonFlow's ten plus {@code exists}. Semantics in {@code docs/policy-semantics.md}. */
enum Operator {
    EQUALS,
    NOT_EQUALS,
    CONTAINS,
    NOT_CONTAINS,
    CONTAINS_ANY,
    REGEX,
    GREATER_THAN,
    LESS_THAN,
    IN,
    NOT_IN,
    EXISTS;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    String wireName() {
        return wireName;
    }

    /** Exact, case-sensitive lookup: {@code Equals} is as wrong as {@code equal}, and both are reported. */
    static Optional<Operator> fromWireName(String name) {
        for (Operator operator : values()) {
            if (operator.wireName.equals(name)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
