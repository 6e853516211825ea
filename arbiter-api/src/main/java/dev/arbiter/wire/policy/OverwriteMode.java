package dev.arbiter.wire.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What an import does with a policy whose name the tenant already uses (contract §2.1). */
public enum OverwriteMode {
    /** Keep the existing policy; count the imported one as skipped. */
    SKIP,
    /** Replace the existing policy with a new version (an identical one is left alone). */
    OVERWRITE,
    /** Refuse the whole import. */
    ERROR;

    /** The wire spelling. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire spelling; empty when unknown. */
    public static Optional<OverwriteMode> fromWireName(String name) {
        for (OverwriteMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static OverwriteMode parse(String name) {
        return fromWireName(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "overwrite_mode must be one of skip, overwrite, error, got '" + name + "'"));
    }
}
