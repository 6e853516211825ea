package dev.arbiter.server;

import java.util.Locale;
import java.util.Optional;

/** How callers are identified (contract §8.1). */
public enum Mode {
    /** No credentials; every caller is tenant {@code community}. Binds to 127.0.0.1 by default. */
    COMMUNITY,
    /** Client credentials or a JWT are required; the tenant comes from them. */
    ENTERPRISE;

    /** The configuration spelling, {@code community} or {@code enterprise}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Mode> parse(String value) {
        for (Mode mode : values()) {
            if (mode.configName().equalsIgnoreCase(value.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
