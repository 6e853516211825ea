package dev.arbiter.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The action types a policy may carry, and the outcome level each one contributes to a decision.
 *
 * <p>{@code alert} is informational at {@code log} level; {@code route}, {@code modify_risk} and {@code allow}
 * do not restrict anything, so they sit at {@code allow} level but their matches are still reported.
 */
enum ActionType {
    BLOCK(Outcome.BLOCK),
    REQUIRE_APPROVAL(Outcome.REQUIRE_APPROVAL),
    REDACT(Outcome.REDACT),
    WARN(Outcome.WARN),
    LOG(Outcome.LOG),
    ALERT(Outcome.LOG),
    ROUTE(Outcome.ALLOW),
    MODIFY_RISK(Outcome.ALLOW),
    ALLOW(Outcome.ALLOW);

    private final Outcome outcome;
    private final String wireName = name().toLowerCase(Locale.ROOT);

    ActionType(Outcome outcome) {
        this.outcome = outcome;
    }

    Outcome outcome() {
        return outcome;
    }

    String wireName() {
        return wireName;
    }

    static Optional<ActionType> fromWireName(String name) {
        for (ActionType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
